package org.openkam.api.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /**
     * Streams every account of the business unit in no particular order: the order the database reads fastest, for a
     * pass over a whole unit that does not need one (by name, a large unit's rows are read all over the table). A
     * unit the caller may not read streams nothing. The default streams by name, so other implementations keep
     * compiling.
     *
     * @since 1.3
     */
    default void forEachInUnit(Caller caller, String businessUnit, Consumer<Account> consumer) {
        forEach(caller, new AccountQuery(businessUnit, null, null, null, null, null, AccountSort.NAME, false,
                AccountQuery.DEFAULT_LIMIT, 0, null, false), consumer);
    }

    /**
     * The accounts of the ids the caller may read, by id; unknown ids and accounts of units the caller may not read
     * are left out (no exception). The bulk read of callers that hold many ids (rollups): the registry answers with
     * one query per few hundred ids. The default streams every readable account, so other implementations keep
     * compiling; override it.
     *
     * @since 1.2
     */
    default Map<String, Account> byIds(Caller caller, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Account> out = new HashMap<>();
        forEach(caller, AccountQuery.all(), a -> {
            if (wanted.contains(a.id())) {
                out.put(a.id(), a);
            }
        });
        return out;
    }
}
