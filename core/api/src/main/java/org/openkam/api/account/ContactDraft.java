package org.openkam.api.account;

import org.openkam.api.Violations;

/** The editable fields of a contact. */
public record ContactDraft(String firstName, String lastName, String jobTitle, String email, String phone) {

    public ContactDraft normalized() {
        return new ContactDraft(clean(firstName), clean(lastName), clean(jobTitle), clean(email), clean(phone));
    }

    public Violations validate() {
        return new Violations()
                .maxLength("firstName", firstName, 100)
                .required("lastName", lastName, 100)
                .maxLength("jobTitle", jobTitle, 150)
                .maxLength("email", email, 254)
                .email("email", email)
                .maxLength("phone", phone, 40);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
