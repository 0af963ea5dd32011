package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Database;
import org.openkam.registry.internal.db.Sql;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.db.Tx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/** Contacts over the {@code contact} table, scoped through their account. */
@Component(service = Contacts.class)
public final class ContactService implements Contacts {

    private static final String KIND = "contact";
    private final Transactions transactions;

    @Activate
    public ContactService(@Reference Database database, @Reference EventAdmin events) {
        this.transactions = new Transactions(database.dataSource(), events);
    }

    @Override
    public List<Contact> list(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            List<Contact> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT * FROM contact WHERE account_id = ? ORDER BY last_name, first_name, id")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Contact get(Caller caller, String accountId, String contactId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return load(tx, accountId, contactId);
        });
    }

    @Override
    public Contact create(Caller caller, String accountId, ContactDraft input) {
        ContactDraft d = input.normalized();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            d.validate().throwIfAny();
            Instant now = Sql.now();
            Contact c = new Contact(UUID.randomUUID().toString(), accountId, d.firstName(), d.lastName(),
                    d.jobTitle(), d.email(), d.phone(), 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO contact (first_name, last_name, "
                    + "job_title, email, phone, version, created_at, updated_at, account_id, id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, c);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, c.id(), accountId, unit, null,
                    fields(c));
            return c;
        });
    }

    @Override
    public Contact update(Caller caller, String accountId, String contactId, long expectedVersion,
            ContactDraft input) {
        ContactDraft d = input.normalized();
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Contact before = current(tx, accountId, contactId, expectedVersion);
            d.validate().throwIfAny();
            Contact after = new Contact(contactId, accountId, d.firstName(), d.lastName(), d.jobTitle(), d.email(),
                    d.phone(), before.version() + 1, before.createdAt(), Sql.now());
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE contact SET first_name = ?, "
                    + "last_name = ?, job_title = ?, email = ?, phone = ?, version = ?, created_at = ?, "
                    + "updated_at = ? WHERE account_id = ? AND id = ?")) {
                bind(ps, after);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, contactId, accountId, unit,
                    fields(before), fields(after));
            return after;
        });
    }

    @Override
    public void delete(Caller caller, String accountId, String contactId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Contact before = current(tx, accountId, contactId, expectedVersion);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM contact WHERE id = ?")) {
                ps.setString(1, contactId);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, contactId, accountId, unit,
                    fields(before), null);
            return null;
        });
    }

    private static Contact current(Tx tx, String accountId, String contactId, long expectedVersion)
            throws SQLException {
        Contact c = load(tx, accountId, contactId);
        if (c.version() != expectedVersion) {
            throw new StaleVersionException(KIND, contactId, expectedVersion, c.version());
        }
        return c;
    }

    private static Contact load(Tx tx, String accountId, String contactId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM contact WHERE account_id = ? AND id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(KIND, contactId);
                }
                return map(rs);
            }
        }
    }

    private static void bind(PreparedStatement ps, Contact c) throws SQLException {
        ps.setString(1, c.firstName());
        ps.setString(2, c.lastName());
        ps.setString(3, c.jobTitle());
        ps.setString(4, c.email());
        ps.setString(5, c.phone());
        ps.setLong(6, c.version());
        Sql.setInstant(ps, 7, c.createdAt());
        Sql.setInstant(ps, 8, c.updatedAt());
        ps.setString(9, c.accountId());
        ps.setString(10, c.id());
    }

    private static Contact map(ResultSet rs) throws SQLException {
        return new Contact(rs.getString("id"), rs.getString("account_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("job_title"), rs.getString("email"), rs.getString("phone"),
                rs.getLong("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static Map<String, String> fields(Contact c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        m.put("jobTitle", c.jobTitle());
        m.put("email", c.email());
        m.put("phone", c.phone());
        return m;
    }
}
