package org.openkam.api.security;

import java.time.Instant;

/**
 * An integrator's API token as listed; its secret is shown once, at creation, and stored only hashed.
 *
 * @param expiresAt when the token stops working, or {@code null} if it works until revoked
 */
public record ApiToken(String id, String name, String userId, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt) {

    /** A token without expiry (API 1.0). */
    public ApiToken(String id, String name, String userId, Instant createdAt, Instant lastUsedAt) {
        this(id, name, userId, createdAt, lastUsedAt, null);
    }
}
