package org.openkam.registry.internal.organization;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = PasswordHasher.hash("correct horse battery");
        assertTrue(stored.startsWith("pbkdf2-sha256$210000$"));
        assertFalse(stored.contains("correct horse"));
        assertTrue(PasswordHasher.verify("correct horse battery", stored));
        assertFalse(PasswordHasher.verify("correct horse batterY", stored));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHasher.hash("same"), PasswordHasher.hash("same"));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(PasswordHasher.verify("x", null));
        assertFalse(PasswordHasher.verify("x", "plain"));
        assertFalse(PasswordHasher.verify("x", "md5$1$a$b"));
        assertFalse(PasswordHasher.verify("x", "pbkdf2-sha256$many$a$b"));
    }
}
