package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.organization.UserRows;
import org.openkam.registry.internal.organization.UserService;
import org.openkam.registry.internal.security.AuthenticationService;
import org.openkam.registry.internal.security.InitialAdmin;

/**
 * The other store tests hash with a cheap work factor ({@link StoreFixture#HASHER}); this one keeps the
 * product's: the components, built as the framework builds them, store hashes of at least 210,000 iterations.
 */
class ProductionWorkFactorTest {

    private StoreFixture f;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:work-factor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        f = new StoreFixture(h2);
    }

    @Test
    void usersCreatedAndUpdatedByTheComponentGetTheProductsWorkFactor() {
        UserService users = new UserService(f.database, (InitialAdmin) null); // the @Activate constructor
        User created = users.create(f.admin, new UserDraft("strong-" + UUID.randomUUID().toString().substring(0, 8),
                "Strong", null, false, true, Map.of(f.unitA, Set.of(Role.VIEWER)), StoreFixture.PASSWORD));
        assertAtLeastTheProducts(storedHash(created.id()));

        User cheap = f.user("cheap-" + UUID.randomUUID().toString().substring(0, 8), Map.of(f.unitA, Set.of(Role.VIEWER)));
        users.update(f.admin, cheap.id(), cheap.version(), new UserDraft(cheap.username(), cheap.displayName(), null,
                false, true, Map.of(f.unitA, Set.of(Role.VIEWER)), "a brand new password"));
        assertAtLeastTheProducts(storedHash(cheap.id()));
    }

    @Test
    void aPasswordChangedThroughTheComponentGetsTheProductsWorkFactor() {
        User user = f.user("changer-" + UUID.randomUUID().toString().substring(0, 8), Map.of(f.unitA, Set.of(Role.VIEWER)));
        AuthenticationService auth = new AuthenticationService(f.database, SecurityContract.config(3, 60));
        Caller caller = StoreFixture.caller(user);

        auth.changePassword(caller, StoreFixture.PASSWORD, "a brand new password", false, null);

        assertAtLeastTheProducts(storedHash(user.id()));
        assertTrue(auth.login(user.username(), "a brand new password").isPresent());
    }

    private String storedHash(String userId) {
        return new Transactions(f.database.dataSource(), null).read(tx -> UserRows.passwordHash(tx, userId));
    }

    private static void assertAtLeastTheProducts(String stored) {
        int iterations = Integer.parseInt(stored.split("\\$")[1]);
        assertTrue(iterations >= 210_000, stored);
    }
}
