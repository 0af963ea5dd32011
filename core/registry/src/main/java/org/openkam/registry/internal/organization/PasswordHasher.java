package org.openkam.registry.internal.organization;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the
 * work factor can rise later while old hashes still verify (verification reads the count from the hash).
 * <p>
 * An instance fixes the work factor of new hashes. The components always use {@link #standard()}; the work
 * factor is deliberately not a configuration property. A smaller one ({@link #PasswordHasher(int)}) exists
 * only so that tests, which hash a few passwords per test, need not spend a fifth of a second on each.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final PasswordHasher STANDARD = new PasswordHasher(ITERATIONS);
    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    /** For tests only: the product hashes with {@link #standard()}. */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
    }

    /** The work factor of the product: {@value #ITERATIONS} iterations. */
    public static PasswordHasher standard() {
        return STANDARD;
    }

    public int iterations() {
        return iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + b64(salt) + "$" + b64(derive(password, salt, iterations));
    }

    /**
     * A well-formed hash at this work factor that no password matches (random salt, random digest): verifying
     * against it costs what verifying a real one does, and making it costs nothing, unlike {@link #hash}.
     */
    public String unmatchable() {
        byte[] salt = new byte[16];
        byte[] digest = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(digest);
        return SCHEME + "$" + iterations + "$" + b64(salt) + "$" + b64(digest);
    }

    /**
     * Compares in constant time with the work factor stored in the hash, whatever this instance's; a malformed
     * stored hash never matches.
     */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return storedIterations > 0 && MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
