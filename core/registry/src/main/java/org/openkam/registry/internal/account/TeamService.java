package org.openkam.registry.internal.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.Violations;
import org.openkam.api.account.AccountTeamMember;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;
import org.openkam.api.account.TeamMembership;
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
 * Account teams over the {@code team_member} table. The account row is locked while a team changes,
 * so two concurrent edits cannot both make someone responsible for the same function.
 */
@Component(service = AccountTeams.class)
public final class TeamService implements AccountTeams {

    private static final String KIND = "team-member";
    private final Transactions transactions;

    @Activate
    public TeamService(@Reference Database database, @Reference EventAdmin events) {
        this.transactions = new Transactions(database.dataSource(), events);
    }

    @Override
    public List<AccountTeamMember> list(Caller caller, String accountId) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            return members(tx, accountId);
        });
    }

    @Override
    public List<TeamMembership> memberships(Caller caller, String userId, String businessUnit) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.name, a.business_unit, a.tier, t.team_function, "
                + "t.responsible FROM team_member t JOIN account a ON a.id = t.account_id WHERE t.user_id = ?");
        List<String> params = new ArrayList<>(List.of(userId));
        if (!caller.admin()) {
            if (caller.readableUnits().isEmpty()) {
                return List.of();
            }
            sql.append(" AND a.business_unit IN (").append(Rows.placeholders(caller.readableUnits().size())).append(')');
            params.addAll(caller.readableUnits());
        }
        if (businessUnit != null) {
            sql.append(" AND a.business_unit = ?");
            params.add(businessUnit);
        }
        sql.append(" ORDER BY a.name, a.id, t.team_function");
        return transactions.read(tx -> {
            List<TeamMembership> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TeamMembership(rs.getString(1), rs.getString(2), rs.getString(3),
                                KeyAccountTier.valueOf(rs.getString(4)), TeamFunction.valueOf(rs.getString(5)),
                                rs.getBoolean(6)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public AccountTeamMember add(Caller caller, String accountId, TeamMemberDraft draft) {
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            check(tx, accountId, unit, null, draft);
            Instant now = Rows.now();
            AccountTeamMember m = new AccountTeamMember(Rows.newId(), accountId, draft.userId(),
                    draft.function(), draft.responsible(), 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO team_member (user_id, team_function, "
                    + "responsible, version, created_at, updated_at, account_id, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, m);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.TEAM_CHANGED, KIND, m.id(), accountId, unit, null, fields(m));
            return m;
        });
    }

    @Override
    public AccountTeamMember update(Caller caller, String accountId, String memberId, long expectedVersion,
            TeamMemberDraft draft) {
        return transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            AccountTeamMember before = current(tx, accountId, memberId, expectedVersion);
            check(tx, accountId, unit, memberId, draft);
            AccountTeamMember after = new AccountTeamMember(memberId, accountId, draft.userId(), draft.function(),
                    draft.responsible(), before.version() + 1, before.createdAt(), Rows.now());
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE team_member SET user_id = ?, "
                    + "team_function = ?, responsible = ?, version = ?, created_at = ?, updated_at = ? "
                    + "WHERE account_id = ? AND id = ?")) {
                bind(ps, after);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.TEAM_CHANGED, KIND, memberId, accountId, unit,
                    fields(before), fields(after));
            return after;
        });
    }

    @Override
    public void remove(Caller caller, String accountId, String memberId, long expectedVersion) {
        transactions.write(tx -> {
            String unit = AccountAccess.editable(tx, caller, accountId);
            AccountTeamMember before = current(tx, accountId, memberId, expectedVersion);
            try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM team_member WHERE id = ?")) {
                ps.setString(1, memberId);
                ps.executeUpdate();
            }
            ChildChanges.record(tx, caller, AccountEvents.TEAM_CHANGED, KIND, memberId, accountId, unit,
                    fields(before), null);
            return null;
        });
    }

    /** Validates the draft against the rest of the team ({@code self} is the member being changed). */
    private static void check(Tx tx, String accountId, String unit, String self, TeamMemberDraft draft)
            throws SQLException {
        Violations v = draft.validate();
        if (draft.userId() != null && !UnitUsers.mayWork(tx, draft.userId(), unit)) {
            v.add("userId", "must be the user id of an enabled user with a role in business unit " + unit);
        }
        v.throwIfAny();
        for (AccountTeamMember other : members(tx, accountId)) {
            if (other.id().equals(self)) {
                continue;
            }
            if (other.userId().equals(draft.userId()) && other.function() == draft.function()) {
                throw new ConflictException("userId", "this user already serves the account as "
                        + draft.function().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            if (draft.responsible() && other.responsible() && other.function() == draft.function()) {
                throw new ConflictException("responsible", "the account already has a responsible "
                        + draft.function().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + "; make that member not responsible first");
            }
        }
    }

    private static List<AccountTeamMember> members(Tx tx, String accountId) throws SQLException {
        List<AccountTeamMember> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM team_member WHERE account_id = ? ORDER BY team_function, responsible DESC, created_at, id")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    private static AccountTeamMember current(Tx tx, String accountId, String memberId, long expectedVersion)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT * FROM team_member WHERE account_id = ? AND id = ?")) {
            ps.setString(1, accountId);
            ps.setString(2, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(KIND, memberId);
                }
                AccountTeamMember m = map(rs);
                if (m.version() != expectedVersion) {
                    throw new StaleVersionException(KIND, memberId, expectedVersion, m.version());
                }
                return m;
            }
        }
    }

    private static void bind(PreparedStatement ps, AccountTeamMember m) throws SQLException {
        ps.setString(1, m.userId());
        ps.setString(2, m.function().name());
        ps.setBoolean(3, m.responsible());
        ps.setLong(4, m.version());
        Rows.setInstant(ps, 5, m.createdAt());
        Rows.setInstant(ps, 6, m.updatedAt());
        ps.setString(7, m.accountId());
        ps.setString(8, m.id());
    }

    private static AccountTeamMember map(ResultSet rs) throws SQLException {
        return new AccountTeamMember(rs.getString("id"), rs.getString("account_id"), rs.getString("user_id"),
                TeamFunction.valueOf(rs.getString("team_function")), rs.getBoolean("responsible"), rs.getLong("version"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    private static Map<String, String> fields(AccountTeamMember m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("userId", m.userId());
        f.put("function", m.function().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        f.put("responsible", Boolean.toString(m.responsible()));
        return f;
    }
}
