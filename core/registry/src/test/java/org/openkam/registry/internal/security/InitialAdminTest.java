package org.openkam.registry.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.registry.internal.account.AccountService;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.db.Transactions;
import org.openkam.registry.internal.organization.UserRows;

/** The first administrator is created once, and its password is hashed only when it is created. */
class InitialAdminTest {

    private Transactions transactions;
    /** The passwords the hasher was asked to hash, in order. */
    private final List<String> hashed = new ArrayList<>();
    private final UnaryOperator<String> hasher = password -> {
        hashed.add(password);
        return "hash-of-" + password;
    };

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:initial-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        new SqlDatabase(h2, null).migrate(AccountService.class);
        transactions = new Transactions(h2, null);
    }

    @Test
    void theFirstStartCreatesTheAdministratorWithTheGivenPassword(@TempDir Path data) {
        assertTrue(InitialAdmin.ensure(transactions, hasher, data, "given-password-123"));

        assertEquals(List.of("given-password-123"), hashed);
        assertEquals("hash-of-given-password-123", storedHash());
        assertFalse(Files.exists(data.resolve(InitialAdmin.PASSWORD_FILE)), "a given password is not written down");
    }

    @Test
    void withoutAGivenPasswordARandomOneIsWrittenForTheOperator(@TempDir Path data) throws Exception {
        assertTrue(InitialAdmin.ensure(transactions, hasher, data, null));

        String written = Files.readString(data.resolve(InitialAdmin.PASSWORD_FILE)).strip();
        assertEquals(20, written.length());
        assertEquals(List.of(written), hashed);
        assertEquals("hash-of-" + written, storedHash());
    }

    @Test
    void laterStartsNeitherCreateNorHashAnything(@TempDir Path data) {
        InitialAdmin.ensure(transactions, hasher, data, "given-password-123");
        hashed.clear();

        assertFalse(InitialAdmin.ensure(transactions, hasher, data, "another-password-456"));
        assertFalse(InitialAdmin.ensure(transactions, hasher, data, null));

        assertEquals(List.of(), hashed, "a start with users spends no password derivation");
        assertEquals("hash-of-given-password-123", storedHash());
        assertFalse(Files.exists(data.resolve(InitialAdmin.PASSWORD_FILE)));
    }

    private String storedHash() {
        return transactions.read(tx -> UserRows.passwordHash(tx, UserRows.find(tx, "username", "admin").id()));
    }
}
