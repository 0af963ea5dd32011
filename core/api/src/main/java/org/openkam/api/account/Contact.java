package org.openkam.api.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person at the customer, with their place in the buying center.
 *
 * @param roles the buying-center roles the contact holds, in declaration order; empty if unknown
 * @param attitude how the contact stands towards us, or {@code null} if unknown
 * @param influence how much the contact weighs in decisions, 1 (little) to 5 (decisive), or {@code null}
 * @param reportsTo the id of the contact of the same account this one reports to, or {@code null}
 * @param relationshipOwner the user id of the account-team member who owns the relationship, or {@code null}
 * @param relationshipStrength how strong that relationship is, 1 (weak) to 5 (trusted), or {@code null}
 */
public record Contact(String id, String accountId, String firstName, String lastName, String jobTitle,
        String email, String phone, long version, Instant createdAt, Instant updatedAt, Set<BuyingCenterRole> roles,
        Attitude attitude, Integer influence, String reportsTo, String relationshipOwner,
        Integer relationshipStrength) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(lastName, "lastName");
        roles = ContactDraft.ordered(roles);
    }

    /** First and last name as a person reads them. */
    public String name() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }

    /**
     * A key contact holds the economic-buyer or decision-maker role or has an influence of 4 or more:
     * the people a buying center must not leave without a relationship owner.
     */
    public boolean isKey() {
        return roles.contains(BuyingCenterRole.ECONOMIC_BUYER) || roles.contains(BuyingCenterRole.DECISION_MAKER)
                || influence != null && influence >= 4;
    }

    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, jobTitle, email, phone, roles, attitude, influence, reportsTo,
                relationshipOwner, relationshipStrength);
    }
}
