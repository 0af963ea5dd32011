package org.openkam.api.account;

import java.util.List;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The people at a customer and their place in its buying center. Scoped, audited and posted like accounts.
 * Reporting lines stay within the account and form no cycle; the relationship owner is a member of the
 * account team when assigned.
 */
@ProviderType
public interface Contacts {

    List<Contact> list(Caller caller, String accountId);

    Contact get(Caller caller, String accountId, String contactId);

    Contact create(Caller caller, String accountId, ContactDraft draft);

    Contact update(Caller caller, String accountId, String contactId, long expectedVersion, ContactDraft draft);

    /** Deletes a contact; those who reported to it then report to no one (each change audited and posted). */
    void delete(Caller caller, String accountId, String contactId, long expectedVersion);
}
