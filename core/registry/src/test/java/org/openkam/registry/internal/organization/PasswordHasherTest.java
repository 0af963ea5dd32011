package org.openkam.registry.internal.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Cheap, for the behaviour that does not depend on the work factor. */
    private final PasswordHasher cheap = new PasswordHasher(1_000);

    @Test
    void theStandardWorkFactorIsAtLeastOwasps() {
        assertTrue(PasswordHasher.ITERATIONS >= 210_000);
        assertEquals(PasswordHasher.ITERATIONS, PasswordHasher.standard().iterations());
        String stored = PasswordHasher.standard().hash("correct horse battery");
        assertTrue(stored.startsWith("pbkdf2-sha256$210000$"), stored);
        assertTrue(PasswordHasher.standard().verify("correct horse battery", stored));
        assertFalse(PasswordHasher.standard().verify("correct horse batterY", stored));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = cheap.hash("correct horse battery");
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(stored.contains("correct horse"));
        assertTrue(cheap.verify("correct horse battery", stored));
        assertFalse(cheap.verify("correct horse batterY", stored));
    }

    @Test
    void verifiesWithTheWorkFactorStoredInTheHash() {
        // Hashes made before the work factor changed keep verifying, by any instance.
        String older = new PasswordHasher(500).hash("correct horse battery");
        assertTrue(PasswordHasher.standard().verify("correct horse battery", older));
        assertFalse(PasswordHasher.standard().verify("correct horse batterY", older));
        assertTrue(cheap.verify("correct horse battery", PasswordHasher.standard().hash("correct horse battery")));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(cheap.hash("same"), cheap.hash("same"));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(cheap.verify("x", null));
        assertFalse(cheap.verify("x", "plain"));
        assertFalse(cheap.verify("x", "md5$1$a$b"));
        assertFalse(cheap.verify("x", "pbkdf2-sha256$many$a$b"));
        assertFalse(cheap.verify("x", "pbkdf2-sha256$0$AAAA$AAAA"));
    }

    @Test
    void anUnmatchableHashIsShapedLikeARealOneAndMatchesNothing() {
        // verify() derives with the count the hash names, so the same shape means the same cost
        String[] real = cheap.hash("correct horse battery").split("\\$");
        String unmatchable = cheap.unmatchable();
        String[] parts = unmatchable.split("\\$");
        assertEquals(real.length, parts.length, unmatchable);
        assertEquals(real[0], parts[0]);
        assertEquals(real[1], parts[1], "the same work factor");
        assertEquals(real[2].length(), parts[2].length(), "a salt of the same length");
        assertEquals(real[3].length(), parts[3].length(), "a digest of the same length");
        assertNotEquals(unmatchable, cheap.unmatchable());
        for (String password : new String[] {"", "correct horse battery", parts[2], parts[3]}) {
            assertFalse(cheap.verify(password, unmatchable), password);
        }
    }

    @Test
    void refusesANonPositiveWorkFactor() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
    }
}
