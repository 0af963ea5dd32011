package org.openkam.registry.internal.organization;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.Role;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.audit.AuditLog;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.security.InitialAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Users and grants over {@code app_user} and {@code role_grant}. Visibility follows shared business units;
 * a unit administrator changes grants of their own units only; people edit their own profile and password.
 */
@Component(service = Users.class)
public final class UserService implements Users {

    private static final String KIND = "user";
    private final Transactions transactions;
    private final PasswordHasher hasher;

    /**
     * Offered only once {@code initialAdmin} ran: it creates {@code admin} only while there is no user at all,
     * so a component creating users as soon as this service appears (the demo data) must not come first.
     */
    @Activate
    public UserService(@Reference Database database, @Reference InitialAdmin initialAdmin) {
        this(database, PasswordHasher.standard());
    }

    /**
     * {@code hasher} sets the work factor of new password hashes: the product's, or a cheap one in tests. A factory,
     * not a second public constructor of the same arity, which SCR would try and log as an error at every start.
     */
    public static UserService hashingWith(Database database, PasswordHasher hasher) {
        return new UserService(database, hasher);
    }

    private UserService(Database database, PasswordHasher hasher) {
        this.transactions = new Transactions(database.dataSource(), null);
        this.hasher = hasher;
    }

    @Override
    public List<User> list(Caller caller) {
        return transactions.read(tx -> {
            List<User> out = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id FROM app_user ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                User u = UserRows.find(tx, "id", id);
                if (visible(caller, u)) {
                    out.add(u);
                }
            }
            return out;
        });
    }

    @Override
    public User get(Caller caller, String id) {
        User u = transactions.read(tx -> UserRows.find(tx, "id", id));
        if (u == null || !visible(caller, u)) {
            throw new NotFoundException(KIND, id);
        }
        return u;
    }

    @Override
    public User create(Caller caller, UserDraft input) {
        UserDraft d = clean(input);
        Violations v = d.validate(true);
        v.throwIfAny();
        authorizeGrants(caller, d.admin(), Map.of(), grants(d));
        String hash = hasher.hash(d.password());
        return transactions.write(tx -> {
            if (UserRows.find(tx, "username", d.username()) != null) {
                throw new ConflictException("username", "username " + d.username() + " is taken");
            }
            checkUnits(tx, grants(d));
            Instant now = Rows.now();
            String id = Rows.newId();
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO app_user (username, "
                    + "display_name, email, admin, enabled, password_hash, version, created_at, updated_at, id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)")) {
                ps.setString(1, d.username());
                ps.setString(2, d.displayName());
                ps.setString(3, d.email());
                ps.setBoolean(4, d.admin());
                ps.setBoolean(5, d.enabled());
                ps.setString(6, hash);
                Rows.setInstant(ps, 7, now);
                Rows.setInstant(ps, 8, now);
                ps.setString(9, id);
                ps.executeUpdate();
            }
            writeGrants(tx, id, grants(d));
            User created = UserRows.find(tx, "id", id);
            AuditLog.record(tx, caller, KIND, id, null, null, null, auditFields(created, true));
            return created;
        });
    }

    /** What the audit trail keeps of a user: never the password, only that it was set or changed. */
    private static Map<String, String> auditFields(User u, boolean passwordSet) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("email", u.email());
        m.put("admin", Boolean.toString(u.admin()));
        m.put("enabled", Boolean.toString(u.enabled()));
        m.put("grants", new java.util.TreeMap<>(u.grants()).toString());
        m.put("password", passwordSet ? "set" : null);
        return m;
    }

    @Override
    public User update(Caller caller, String id, long expectedVersion, UserDraft input) {
        UserDraft d = clean(input);
        d.validate(false).throwIfAny();
        String hash = d.password() == null ? null : hasher.hash(d.password());
        return transactions.write(tx -> {
            User before = UserRows.find(tx, "id", id);
            if (before == null || !visible(caller, before)) {
                throw new NotFoundException(KIND, id);
            }
            if (before.version() != expectedVersion) {
                throw new StaleVersionException(KIND, id, expectedVersion, before.version());
            }
            boolean self = caller.userId().equals(id);
            if (!self) {
                authorizeChange(caller, before);
            } else if (hash != null) {
                // whoever took over a session must not lock the owner out: the current password is needed
                throw new ValidationException("password", "your own password is changed with POST "
                        + "/api/v1/auth/password, which needs the current one");
            }
            boolean accessChanges = before.admin() != d.admin() || before.enabled() != d.enabled()
                    || !before.grants().equals(grants(d));
            if (accessChanges || !self) {
                authorizeGrants(caller, d.admin() || before.admin(), before.grants(), grants(d));
            }
            if (!before.username().equals(d.username())) {
                User other = UserRows.find(tx, "username", d.username());
                if (other != null) {
                    throw new ConflictException("username", "username " + d.username() + " is taken");
                }
            }
            checkUnits(tx, grants(d));
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE app_user SET username = ?, "
                    + "display_name = ?, email = ?, admin = ?, enabled = ?, version = version + 1, updated_at = ? "
                    + "WHERE id = ?")) {
                ps.setString(1, d.username());
                ps.setString(2, d.displayName());
                ps.setString(3, d.email());
                ps.setBoolean(4, d.admin());
                ps.setBoolean(5, d.enabled());
                Rows.setInstant(ps, 6, Rows.now());
                ps.setString(7, id);
                ps.executeUpdate();
            }
            if (hash != null) {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE app_user SET password_hash = ? WHERE id = ?")) {
                    ps.setString(1, hash);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            if (!before.grants().equals(grants(d))) {
                try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM role_grant WHERE user_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                writeGrants(tx, id, grants(d));
            }
            if (!d.enabled() || hash != null) {
                try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM user_session WHERE user_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            if (hash != null) {
                // a reset by an administrator answers a suspected compromise: the user's tokens go with the password
                try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM api_token WHERE user_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            User after = UserRows.find(tx, "id", id);
            AuditLog.record(tx, caller, KIND, id, null, null, auditFields(before, false), auditFields(after, hash != null));
            return after;
        });
    }

    /**
     * A unit administrator changes only users who belong to units they administer: every unit the user holds a role
     * in. Otherwise a bu-admin of one unit could set the password of a user who is bu-admin of another, sign in as
     * them and hold that unit too. Such a user is changed by a global administrator, or by themselves.
     */
    private static void authorizeChange(Caller caller, User user) {
        if (caller.admin()) {
            return;
        }
        if (user.admin()) {
            throw new AccessDeniedException("only administrators change administrators");
        }
        Set<String> foreign = new TreeSet<>(user.grants().keySet());
        foreign.removeIf(caller::canManage);
        if (!foreign.isEmpty() || user.grants().isEmpty()) {
            throw new AccessDeniedException("user " + user.username() + " holds roles in business units you do not "
                    + "administer " + foreign + "; a global administrator changes them");
        }
    }

    /** Administrators grant anything; unit administrators grant roles in their units only, never admin. */
    private static void authorizeGrants(Caller caller, boolean admin, Map<String, Set<Role>> before,
            Map<String, Set<Role>> after) {
        if (caller.admin()) {
            return;
        }
        if (admin) {
            throw new AccessDeniedException("only administrators manage administrators");
        }
        Set<String> units = new java.util.HashSet<>(before.keySet());
        units.addAll(after.keySet());
        boolean managesAny = caller.grants().values().stream().anyMatch(r -> r.contains(Role.BU_ADMIN));
        if (!managesAny) {
            throw new AccessDeniedException("managing users needs the bu-admin role");
        }
        for (String unit : units) {
            if (!Objects.equals(before.get(unit), after.get(unit)) && !caller.canManage(unit)) {
                throw new AccessDeniedException("granting roles in business unit " + unit + " needs bu-admin there");
            }
        }
    }

    private static boolean visible(Caller caller, User user) {
        return caller.admin() || caller.userId().equals(user.id())
                || user.grants().keySet().stream().anyMatch(caller::canRead);
    }

    private static void checkUnits(Tx tx, Map<String, Set<Role>> grants) throws SQLException {
        Violations v = new Violations();
        for (String unit : grants.keySet()) {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM business_unit WHERE id = ?")) {
                ps.setString(1, unit);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        v.add("grants." + unit, "is not a business unit");
                    }
                }
            }
        }
        v.throwIfAny();
    }

    private static void writeGrants(Tx tx, String userId, Map<String, Set<Role>> grants) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO role_grant (user_id, business_unit, role) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Set<Role>> e : grants.entrySet()) {
                for (Role role : e.getValue()) {
                    ps.setString(1, userId);
                    ps.setString(2, e.getKey());
                    ps.setString(3, role.key());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Set<Role>> grants(UserDraft d) {
        Map<String, Set<Role>> g = new HashMap<>();
        if (d.grants() != null) {
            d.grants().forEach((unit, roles) -> g.put(unit, Set.copyOf(roles)));
        }
        return g;
    }

    private static UserDraft clean(UserDraft d) {
        return new UserDraft(d.username() == null ? null : d.username().strip().toLowerCase(java.util.Locale.ROOT),
                blankToNull(d.displayName()), blankToNull(d.email()), d.admin(), d.enabled(), d.grants(), d.password());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
