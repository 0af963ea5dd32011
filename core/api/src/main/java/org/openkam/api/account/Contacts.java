package org.openkam.api.account;

import java.util.List;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The people at a customer. Scoped, audited and posted like accounts. */
@ProviderType
public interface Contacts {

    List<Contact> list(Caller caller, String accountId);

    Contact get(Caller caller, String accountId, String contactId);

    Contact create(Caller caller, String accountId, ContactDraft draft);

    Contact update(Caller caller, String accountId, String contactId, long expectedVersion, ContactDraft draft);

    void delete(Caller caller, String accountId, String contactId, long expectedVersion);
}
