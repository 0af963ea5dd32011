package org.openkam.api.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** An account's attributes come in the order of their names, whatever map they were given in, and cannot change. */
class AccountTest {

    @Test
    void attributesComeInTheOrderOfTheirNames() {
        Map<String, String> given = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("attr-" + (char) ('a' + i % 26) + i);
        }
        names.forEach(n -> given.put(n, "value of " + n));

        Account account = account(given);

        assertEquals(names.stream().sorted().toList(), List.copyOf(account.attributes().keySet()));
        assertEquals(given, account.attributes());
        assertThrows(UnsupportedOperationException.class, () -> account.attributes().put("x", "y"));
        given.put("later", "not seen");
        assertEquals(40, account.attributes().size(), "the account keeps a copy");
    }

    @Test
    void anAttributeWithoutAValueIsRefused() {
        Map<String, String> given = new HashMap<>();
        given.put("region", null);
        assertThrows(NullPointerException.class, () -> account(given));
    }

    private static Account account(Map<String, String> attributes) {
        return new Account("id-1", "unit-1", "Acme", null, null, null, null, AccountStatus.ACTIVE,
                KeyAccountTier.NONE, null, null, null, null, null, attributes, 1, Instant.EPOCH, Instant.EPOCH);
    }
}
