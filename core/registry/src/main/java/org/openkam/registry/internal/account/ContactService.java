package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.Violations;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.engagement.UnitUsers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Contacts over the {@code contact} table, scoped through their account. The account row is locked while
 * a contact changes, so two concurrent changes of reporting lines cannot close a cycle together.
 */
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
            return ContactRows.list(tx, accountId);
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
            String id = Rows.newId();
            check(tx, accountId, unit, id, null, d);
            Instant now = Rows.now();
            Contact c = from(id, accountId, d, 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement(ContactRows.INSERT)) {
                ContactRows.bind(ps, c);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, c.id(), accountId, unit, null,
                    ContactRows.auditFields(c));
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
            check(tx, accountId, unit, contactId, before, d);
            Contact after = from(contactId, accountId, d, before.version() + 1, before.createdAt(), Rows.now());
            try (PreparedStatement ps = tx.connection().prepareStatement(ContactRows.UPDATE)) {
                ContactRows.bind(ps, after);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, contactId, accountId, unit,
                    ContactRows.auditFields(before), ContactRows.auditFields(after));
            return after;
        });
    }

    /**
     * Deletes a contact. Those who reported to it then report to no one: each of them changes (new version,
     * audited, posted) rather than losing their place in the org chart silently.
     */
    @Override
    public void delete(Caller caller, String accountId, String contactId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            Contact before = current(tx, accountId, contactId, expectedVersion);
            Instant now = Rows.now();
            for (Contact report : ContactRows.list(tx, accountId)) {
                if (contactId.equals(report.reportsTo())) {
                    Contact detached = new Contact(report.id(), accountId, report.firstName(), report.lastName(),
                            report.jobTitle(), report.email(), report.phone(), report.version() + 1,
                            report.createdAt(), now, report.roles(), report.attitude(), report.influence(), null,
                            report.relationshipOwner(), report.relationshipStrength());
                    try (PreparedStatement ps = tx.connection().prepareStatement(ContactRows.UPDATE)) {
                        ContactRows.bind(ps, detached);
                        ps.executeUpdate();
                    }
                    ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, report.id(), accountId, unit,
                            ContactRows.auditFields(report), ContactRows.auditFields(detached));
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM contact WHERE id = ?")) {
                ps.setString(1, contactId);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.CONTACT_CHANGED, KIND, contactId, accountId, unit,
                    ContactRows.auditFields(before), null);
            return null;
        });
    }

    /**
     * Every rule of a normalized draft: its own, a {@code reportsTo} of the same account that closes no
     * cycle, and a relationship owner from the account team when the owner is set or changed (an owner who
     * left the team later does not block unrelated edits; the coverage report shows them as missing).
     */
    private static void check(Tx tx, String accountId, String unit, String self, Contact before, ContactDraft d)
            throws SQLException {
        Violations v = d.validate();
        if (d.reportsTo() != null) {
            List<Contact> contacts = ContactRows.list(tx, accountId);
            Map<String, Contact> byId = contacts.stream().collect(Collectors.toMap(Contact::id, c -> c));
            if (d.reportsTo().equals(self)) {
                v.add("reportsTo", "must be another contact: a contact cannot report to itself");
            } else if (!byId.containsKey(d.reportsTo())) {
                v.add("reportsTo", "is not a contact of this account");
            } else {
                Map<String, String> lines = new HashMap<>();
                contacts.stream().filter(c -> c.reportsTo() != null).forEach(c -> lines.put(c.id(), c.reportsTo()));
                List<String> cycle = ReportingLines.cycle(self, d.reportsTo(), lines);
                if (!cycle.isEmpty()) {
                    String name = d.lastName() == null ? before.name()
                            : d.firstName() == null ? d.lastName() : d.firstName() + " " + d.lastName();
                    v.add("reportsTo", "would close a reporting cycle: " + cycle.stream()
                            .map(id -> id.equals(self) ? name : byId.get(id).name())
                            .collect(Collectors.joining(" -> ")));
                }
            }
        }
        String owner = d.relationshipOwner();
        if (owner != null && (before == null || !Objects.equals(owner, before.relationshipOwner()))
                && !(onTeam(tx, accountId, owner) && UnitUsers.mayWork(tx, owner, unit))) {
            v.add("relationshipOwner", "must be the user id of a member of the account team with a role in business "
                    + "unit " + unit);
        }
        v.throwIfAny();
    }

    private static boolean onTeam(Tx tx, String accountId, String userId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT 1 FROM team_member WHERE account_id = ? AND user_id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Contact from(String id, String accountId, ContactDraft d, long version, Instant createdAt,
            Instant updatedAt) {
        return new Contact(id, accountId, d.firstName(), d.lastName(), d.jobTitle(), d.email(), d.phone(), version,
                createdAt, updatedAt, d.roles(), d.attitude(), d.influence(), d.reportsTo(), d.relationshipOwner(),
                d.relationshipStrength());
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
                return ContactRows.map(rs);
            }
        }
    }
}
