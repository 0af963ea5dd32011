package org.openkam.registry.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.organization.PasswordHasher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the very first start (no user at all) creates {@code admin}, with the password from
 * {@code OPENKAM_ADMIN_PASSWORD} or a random one that is logged once and written to
 * {@code <data>/initial-admin-password}. Registered as a service (inside the registry only) so that
 * {@code Users} waits for it: see {@link org.openkam.registry.internal.organization.UserService}.
 */
@Component(service = InitialAdmin.class, immediate = true)
public final class InitialAdmin {

    public static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    @Activate
    public InitialAdmin(@Reference Database database, BundleContext context) {
        String dataDir = context.getProperty("openkam.data");
        ensure(new Transactions(database.dataSource(), null), PasswordHasher.standard()::hash,
                Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir), System.getenv("OPENKAM_ADMIN_PASSWORD"));
    }

    /**
     * Creates the administrator if there is no user yet; returns whether it did. Hashes the password only then: a
     * derivation at the product's work factor takes about 0.2 s, which every later start would spend for nothing.
     */
    static boolean ensure(Transactions transactions, UnaryOperator<String> hasher, Path dataDir, String givenPassword) {
        if (transactions.read(InitialAdmin::anyUser)) {
            return false;
        }
        boolean fromEnvironment = givenPassword != null && !givenPassword.isBlank();
        String password = fromEnvironment ? givenPassword : Secrets.random().substring(0, 20);
        String hash = hasher.apply(password);
        boolean created;
        try {
            created = transactions.write(tx -> {
                if (anyUser(tx)) {
                    return false;
                }
                try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO app_user (id, username, "
                        + "display_name, admin, enabled, password_hash, version, created_at, updated_at) "
                        + "VALUES (?, 'admin', 'Administrator', TRUE, TRUE, ?, 1, ?, ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, hash);
                    Rows.setInstant(ps, 3, Rows.now());
                    Rows.setInstant(ps, 4, Rows.now());
                    ps.executeUpdate();
                }
                return true;
            });
        } catch (StoreException e) {
            // Another node created the first user at the same moment.
            LOG.debug("Initial administrator not created", e);
            return false;
        }
        if (created && !fromEnvironment) {
            Path file = dataDir.resolve(PASSWORD_FILE);
            try {
                Files.createDirectories(dataDir);
                Files.writeString(file, password + System.lineSeparator());
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            } catch (IOException e) {
                LOG.warn("Could not write {}: {}", file, e.getMessage());
            }
            LOG.warn("Created user 'admin' with password {} (also in {}); change it after signing in", password, file);
        } else if (created) {
            LOG.info("Created user 'admin' with the password from OPENKAM_ADMIN_PASSWORD");
        }
        return created;
    }

    private static boolean anyUser(Tx tx) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM app_user LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
