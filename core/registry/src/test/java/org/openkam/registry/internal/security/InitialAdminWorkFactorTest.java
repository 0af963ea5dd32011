package org.openkam.registry.internal.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.registry.internal.account.AccountService;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.organization.PasswordHasher;
import org.openkam.registry.internal.organization.UserRows;
import org.osgi.framework.BundleContext;

/** The first administrator, created by the component as the framework builds it, gets the product's work factor. */
class InitialAdminWorkFactorTest {

    @Test
    void theFirstAdministratorsPasswordIsHashedWithTheProductsWorkFactor(@TempDir Path data) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:initial-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        SqlDatabase database = new SqlDatabase(h2, null);
        database.migrate(AccountService.class);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") && "openkam.data".equals(args[0])
                        ? data.toString() : null);

        new InitialAdmin(database, context);

        Transactions transactions = new Transactions(h2, null);
        String stored = transactions.read(tx -> UserRows.passwordHash(tx, UserRows.find(tx, "username", "admin").id()));
        assertTrue(Integer.parseInt(stored.split("\\$")[1]) >= 210_000, stored);
        if (System.getenv("OPENKAM_ADMIN_PASSWORD") == null) {
            String password = Files.readString(data.resolve(InitialAdmin.PASSWORD_FILE)).strip();
            assertTrue(PasswordHasher.standard().verify(password, stored));
        }
    }
}
