package org.openkam.api.security;

/** A freshly created API token with its secret, which is never available again. */
public record IssuedToken(ApiToken token, String secret) {
}
