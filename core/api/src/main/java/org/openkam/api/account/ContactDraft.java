package org.openkam.api.account;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.openkam.api.Violations;

/**
 * The editable fields of a contact. The rules that need the rest of the account (reports-to a contact of
 * the same account without a cycle, a relationship owner from the account team) are the service's.
 */
public record ContactDraft(String firstName, String lastName, String jobTitle, String email, String phone,
        Set<BuyingCenterRole> roles, Attitude attitude, Integer influence, String reportsTo, String relationshipOwner,
        Integer relationshipStrength) {

    public ContactDraft {
        roles = ordered(roles);
    }

    public ContactDraft normalized() {
        return new ContactDraft(clean(firstName), clean(lastName), clean(jobTitle), clean(email), clean(phone), roles,
                attitude, influence, clean(reportsTo), clean(relationshipOwner), relationshipStrength);
    }

    public Violations validate() {
        return new Violations()
                .maxLength("firstName", firstName, 100)
                .required("lastName", lastName, 100)
                .maxLength("jobTitle", jobTitle, 150)
                .maxLength("email", email, 254)
                .email("email", email)
                .maxLength("phone", phone, 40)
                .range("influence", influence, 1, 5)
                .maxLength("reportsTo", reportsTo, 36)
                .maxLength("relationshipOwner", relationshipOwner, 36)
                .range("relationshipStrength", relationshipStrength, 1, 5);
    }

    /** An unmodifiable copy in declaration order, so equal role sets read and serialize alike. */
    static Set<BuyingCenterRole> ordered(Set<BuyingCenterRole> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
