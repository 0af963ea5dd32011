package org.openkam.api.audit;

import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the audit trail. Entries are written by the services that make the changes. */
@ProviderType
public interface AuditTrail {

    /** Changes to an account and what belongs to it, newest first; readable while the caller may read it. */
    Page<AuditEntry> forAccount(Caller caller, String accountId, int limit, String cursor);
}
