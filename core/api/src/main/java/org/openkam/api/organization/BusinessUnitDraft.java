package org.openkam.api.organization;

import java.util.regex.Pattern;

import org.openkam.api.Violations;

/** The fields of a business unit as a caller supplies them; the id is only taken on creation. */
public record BusinessUnitDraft(String id, String name, String description) {

    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public Violations validate() {
        Violations v = new Violations().required("id", id, 40).required("name", name, 100)
                .maxLength("description", description, 1000);
        if (id != null && !ID.matcher(id).matches()) {
            v.add("id", "must be 2-40 lower-case letters, digits or '-', starting with a letter");
        }
        return v;
    }
}
