package org.openkam.api.account;

import java.util.function.Consumer;

import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one owner of account data. Every method is scoped to the caller's business units: an account of a
 * unit the caller holds no role in does not exist for that caller ({@link org.openkam.api.NotFoundException}).
 * Every change is audited and posted as an event (see {@link org.openkam.api.event.AccountEvents}).
 */
@ProviderType
public interface AccountRegistry {

    /** Creates an account; the caller needs edit rights in the draft's business unit. */
    Account create(Caller caller, AccountDraft draft);

    Account get(Caller caller, String id);

    /**
     * Replaces an account's editable fields, if it is still at {@code expectedVersion}; moving it to another
     * business unit needs edit rights in both.
     *
     * @throws org.openkam.api.StaleVersionException if it changed meanwhile
     */
    Account update(Caller caller, String id, long expectedVersion, AccountDraft draft);

    /** Deletes an account with its contacts and team; its audit trail stays. */
    void delete(Caller caller, String id, long expectedVersion);

    Page<Account> find(Caller caller, AccountQuery query);

    /** Streams every match of the query in its order, ignoring its limit, offset and cursor. */
    void forEach(Caller caller, AccountQuery query, Consumer<Account> consumer);
}
