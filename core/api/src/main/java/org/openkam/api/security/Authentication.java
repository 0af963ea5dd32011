package org.openkam.api.security;

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
    Optional<Session> login(String username, String password);

    /** The live session of this cookie secret, or empty. */
    Optional<Session> session(String token);

    void logout(String token);

    /** The caller an API token's secret stands for, or empty. */
    Optional<Caller> authenticateToken(String secret);

    IssuedToken createToken(Caller caller, String name);

    /** The caller's own tokens. */
    List<ApiToken> tokens(Caller caller);

    void revokeToken(Caller caller, String tokenId);
}
