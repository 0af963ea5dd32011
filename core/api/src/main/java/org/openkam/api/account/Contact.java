package org.openkam.api.account;

import java.time.Instant;
import java.util.Objects;

/** A person at the customer. */
public record Contact(String id, String accountId, String firstName, String lastName, String jobTitle,
        String email, String phone, long version, Instant createdAt, Instant updatedAt) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(lastName, "lastName");
    }

    public ContactDraft toDraft() {
        return new ContactDraft(firstName, lastName, jobTitle, email, phone);
    }
}
