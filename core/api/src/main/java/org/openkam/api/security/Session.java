package org.openkam.api.security;

import java.time.Instant;
import java.util.Objects;

import org.openkam.api.Caller;

/**
 * A signed-in console session.
 *
 * @param token the secret the session cookie carries
 * @param csrfToken the secret cookie-authenticated writes must echo in a header
 */
public record Session(String token, String csrfToken, Caller caller, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(caller, "caller");
    }
}
