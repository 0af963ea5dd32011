package org.openkam.api.security;

import java.time.Instant;

/** An integrator's API token as listed; its secret is shown once, at creation, and stored only hashed. */
public record ApiToken(String id, String name, String userId, Instant createdAt, Instant lastUsedAt) {
}
