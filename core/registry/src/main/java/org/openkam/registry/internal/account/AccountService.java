package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.StaleVersionException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.audit.AuditLog;
import org.openkam.registry.internal.db.RowStream;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** The account registry over the {@code account} table. */
@Component(service = AccountRegistry.class)
public final class AccountService implements AccountRegistry {

    static final String KIND = "account";
    /** A unit's accounts in no order; see {@link #forEachInUnit}. */
    static final String IN_UNIT = "SELECT * FROM account WHERE business_unit = ?";
    private final Transactions transactions;
    private final Dialect dialect;

    @Activate
    public AccountService(@Reference Database database, @Reference EventAdmin events) {
        this.transactions = new Transactions(database.dataSource(), events);
        this.dialect = database.dialect();
    }

    @Override
    public Account create(Caller caller, AccountDraft input) {
        return transactions.write(tx -> {
            AccountDraft draft = checked(tx, caller, input.normalized());
            Instant now = Rows.now();
            Account account = from(Rows.newId(), draft, 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement(AccountRows.INSERT)) {
                AccountRows.bind(ps, account);
                ps.executeUpdate();
            }
            AuditLog.record(tx, caller, KIND, account.id(), account.id(), account.businessUnit(), null,
                    AccountRows.auditFields(account));
            post(tx, AccountEvents.ACCOUNT_CREATED, caller, account.id(), account.businessUnit());
            return account;
        });
    }

    @Override
    public Account get(Caller caller, String id) {
        Account account = transactions.read(tx -> load(tx, id, false));
        if (account == null || !caller.canRead(account.businessUnit())) {
            throw new NotFoundException(KIND, id);
        }
        return account;
    }

    @Override
    public Account update(Caller caller, String id, long expectedVersion, AccountDraft input) {
        return transactions.write(tx -> {
            Account before = editable(tx, caller, id, expectedVersion);
            AccountDraft draft = checked(tx, caller, input.normalized());
            Account after = from(id, draft, before.version() + 1, before.createdAt(), Rows.now());
            try (PreparedStatement ps = tx.connection().prepareStatement(AccountRows.UPDATE)) {
                AccountRows.bind(ps, after);
                ps.executeUpdate();
            }
            AuditLog.record(tx, caller, KIND, id, id, after.businessUnit(), AccountRows.auditFields(before),
                    AccountRows.auditFields(after));
            post(tx, AccountEvents.ACCOUNT_UPDATED, caller, id, after.businessUnit());
            return after;
        });
    }

    @Override
    public void delete(Caller caller, String id, long expectedVersion) {
        transactions.write(tx -> {
            Account before = editable(tx, caller, id, expectedVersion);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM account WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            AuditLog.record(tx, caller, KIND, id, id, before.businessUnit(), AccountRows.auditFields(before), null);
            post(tx, AccountEvents.ACCOUNT_DELETED, caller, id, before.businessUnit());
            return null;
        });
    }

    @Override
    public Page<Account> find(Caller caller, AccountQuery query) {
        AccountFilter filter = AccountFilter.of(caller, query);
        if (filter == null) {
            return new Page<>(List.of(), null, query.withTotal() ? 0 : -1);
        }
        return transactions.read(tx -> {
            List<Account> items = new ArrayList<>(query.limit() + 1);
            try (PreparedStatement ps = tx.connection().prepareStatement(filter.pageSql(true, dialect))) {
                filter.bind(ps, true);
                try (ResultSet rs = ps.executeQuery()) {
                    AccountRows.Columns columns = new AccountRows.Columns(rs);
                    while (rs.next()) {
                        items.add(columns.account(rs));
                    }
                }
            }
            String next = null;
            if (items.size() > query.limit()) {
                items.remove(items.size() - 1);
                next = filter.cursorAfter(items.get(items.size() - 1));
            }
            long total = -1;
            if (query.withTotal()) {
                try (PreparedStatement ps = tx.connection().prepareStatement(filter.countSql(dialect))) {
                    filter.bind(ps, false);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
            return new Page<>(items, next, total);
        });
    }

    @Override
    public void forEach(Caller caller, AccountQuery query, Consumer<Account> consumer) {
        AccountFilter filter = AccountFilter.of(caller, query);
        if (filter == null) {
            return;
        }
        stream(filter.pageSql(false, dialect), ps -> filter.bind(ps, false), consumer);
    }

    /**
     * Without an order, H2 reads the unit off the foreign key's index on the unit alone, whose entries follow the
     * table's own row order (asserted by {@code AccountFilterPlanTest}); by name a large unit's rows are fetched all
     * over the file (1,000,000 accounts named in no order: the export by name took 30 s).
     */
    @Override
    public void forEachInUnit(Caller caller, String businessUnit, Consumer<Account> consumer) {
        if (caller.canRead(businessUnit)) {
            stream(IN_UNIT, ps -> ps.setString(1, businessUnit), consumer);
        }
    }

    private void stream(String sql, Binder binder, Consumer<Account> consumer) {
        // A transaction, because PostgreSQL streams a result set only with auto-commit off.
        transactions.write(tx -> {
            try (RowStream stream = RowStream.open(tx.connection(), dialect);
                    PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                ps.setFetchSize(500);
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    AccountRows.Columns columns = new AccountRows.Columns(rs);
                    while (rs.next()) {
                        consumer.accept(columns.account(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Sets a statement's parameters. */
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * One {@code IN} query per 500 ids (a bound every supported database takes), 100 on H2, filtered by the caller's
     * units. H2 checks each row it found against the list one value after the other, so a list's cost grows with its
     * square: 300,000 accounts read by id took 1.9-2.3 s in lists of 500, 1.4-1.5 s in lists of 100. PostgreSQL
     * hashes a long list and saves the round trips.
     */
    @Override
    public Map<String, Account> byIds(Caller caller, Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        int size = dialect == Dialect.H2 ? 100 : 500;
        return transactions.read(tx -> {
            Map<String, Account> out = new HashMap<>(distinct.size() * 2);
            for (int from = 0; from < distinct.size(); from += size) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + size));
                try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM account WHERE id IN ("
                        + Rows.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        AccountRows.Columns columns = new AccountRows.Columns(rs);
                        while (rs.next()) {
                            Account a = columns.account(rs);
                            if (caller.canRead(a.businessUnit())) {
                                out.put(a.id(), a);
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * The draft with its owner as a user id (a username is accepted too), after every rule is checked;
     * a unit the caller may only read is a refusal, not a bad field.
     */
    private static AccountDraft checked(Tx tx, Caller caller, AccountDraft input) throws SQLException {
        AccountRules rules = new AccountRules(tx, caller);
        AccountDraft draft = rules.withOwnerId(input);
        if (rules.readOnly(draft.businessUnit())) {
            throw new AccessDeniedException("creating or moving accounts into business unit "
                    + draft.businessUnit() + " needs the key-account-manager or bu-admin role");
        }
        rules.check(draft).throwIfAny();
        return draft;
    }

    /** Loads and locks an account the caller may change, at the version the caller saw. */
    private static Account editable(Tx tx, Caller caller, String id, long expectedVersion) throws SQLException {
        Account current = load(tx, id, true);
        if (current == null || !caller.canRead(current.businessUnit())) {
            throw new NotFoundException(KIND, id);
        }
        if (!caller.canEdit(current.businessUnit())) {
            throw new AccessDeniedException("changing accounts of business unit " + current.businessUnit()
                    + " needs the key-account-manager or bu-admin role");
        }
        if (current.version() != expectedVersion) {
            throw new StaleVersionException(KIND, id, expectedVersion, current.version());
        }
        return current;
    }

    public static Account load(Tx tx, String id, boolean lock) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM account WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? AccountRows.map(rs) : null;
            }
        }
    }

    /** An account from a checked draft. */
    public static Account from(String id, AccountDraft d, long version, Instant createdAt, Instant updatedAt) {
        return new Account(id, d.businessUnit(), d.name(), d.legalName(), d.industry(), d.country(), d.region(),
                d.status(), d.tier(), d.owner(), d.annualSales(), d.contributionMargin(), d.potential(), d.currency(),
                d.attributes(), version, createdAt, updatedAt);
    }

    private static void post(Tx tx, String topic, Caller caller, String id, String unit) {
        tx.post(topic, Map.of(AccountEvents.ACCOUNT_ID, id, AccountEvents.ENTITY_ID, id,
                AccountEvents.BUSINESS_UNIT, unit, AccountEvents.ACTOR, caller.userId(), AccountEvents.ACTION,
                topic.substring(topic.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT)));
    }
}
