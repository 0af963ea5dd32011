package org.openkam.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs people in and resolves the secrets requests carry. Sessions and tokens live in the database,
 * so any node of a cluster resolves them.
 */
@ProviderType
public interface Authentication {

    /** A new session, or empty if the credentials are wrong or the user is disabled. */
    /** As {@link #login(String, String, String)} from an unknown client address. */
    default Optional<Session> login(String username, String password) {
        return login(username, password, "");
    }

    /**
     * A new session, or empty if the credentials are wrong, the user is disabled, or sign-in of this user name from
     * this client address is paused after repeated failures (other addresses are only slowed down, so nobody can
     * lock the real user out).
     *
     * @param client the client's address as the server sees it
     * @since 1.1
     */
    Optional<Session> login(String username, String password, String client);

    /** The live session of this cookie secret, or empty. */
    Optional<Session> session(String token);

    void logout(String token);

    /** The caller an API token's secret stands for, or empty. */
    Optional<Caller> authenticateToken(String secret);

    /** A token that works until revoked. */
    default IssuedToken createToken(Caller caller, String name) {
        return createToken(caller, name, null);
    }

    /**
     * A token that stops working at {@code expiresAt} ({@code null}: works until revoked).
     *
     * @throws org.openkam.api.ValidationException naming {@code name} or {@code expiresAt} (not in the future)
     * @since 1.1
     */
    IssuedToken createToken(Caller caller, String name, Instant expiresAt);

    /**
     * Changes the caller's own password, which needs the current one. Every other session of the caller ends (the
     * one of {@code keepSession}, the session token the change is made in, stays); with {@code revokeTokens} the
     * caller's API tokens are revoked too.
     *
     * @param keepSession the secret of the session making the change, or {@code null} (an API token)
     * @throws org.openkam.api.ValidationException naming {@code currentPassword} (wrong) or {@code newPassword}
     * @since 1.1
     */
    void changePassword(Caller caller, String currentPassword, String newPassword, boolean revokeTokens,
            String keepSession);

    /** The caller's own tokens. */
    List<ApiToken> tokens(Caller caller);

    void revokeToken(Caller caller, String tokenId);
}
