package org.openkam.api.audit;

import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/** Reads the audit trail. Entries are written by the services that make the changes. */
@ProviderType
public interface AuditTrail {

    /** Changes to an account and what belongs to it, newest first; readable while the caller may read it. */
    Page<AuditEntry> forAccount(Caller caller, String accountId, int limit, String cursor);

    /**
     * The whole trail, newest first, for global administrators: sign-ins, users and their roles, bundles and
     * configurations besides the accounts.
     *
     * @param entityType only entries of this type ({@code sign-in}, {@code user}, {@code bundle},
     *        {@code configuration}, {@code account}, ...), or {@code null} for all
     * @throws org.openkam.api.AccessDeniedException unless the caller is a global administrator
     * @since 1.1
     */
    Page<AuditEntry> all(Caller caller, String entityType, int limit, String cursor);
}
