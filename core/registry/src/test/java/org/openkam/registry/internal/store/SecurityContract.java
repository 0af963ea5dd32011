package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.ValidationException;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.security.IssuedToken;
import org.openkam.api.security.Session;
import org.openkam.registry.internal.db.SqlDatabase;
import org.openkam.registry.internal.security.AuthenticationService;

/** Sign-in, sessions, tokens and guessing protection, on every supported database. */
abstract class SecurityContract {

    StoreFixture f;
    AuthenticationService auth;
    User user;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        auth = new AuthenticationService(f.database, config(3, 60), StoreFixture.HASHER);
        user = f.user("signin-" + f.unitA, Map.of(f.unitA, Set.of(Role.VIEWER)));
    }

    @Test
    void signInResolvesASessionUntilSignOut() {
        Session s = auth.login(" " + user.username().toUpperCase() + " ", StoreFixture.PASSWORD).orElseThrow();
        assertEquals(user.id(), s.caller().userId());
        assertEquals(Set.of(Role.VIEWER), s.caller().grants().get(f.unitA));
        Session again = auth.session(s.token()).orElseThrow();
        assertEquals(s.csrfToken(), again.csrfToken());
        auth.logout(s.token());
        assertEquals(Optional.empty(), auth.session(s.token()));
        assertEquals(Optional.empty(), auth.session("forged"));
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetNothing() {
        assertEquals(Optional.empty(), auth.login(user.username(), "wrong password!"));
        assertEquals(Optional.empty(), auth.login("nobody-" + f.unitA, StoreFixture.PASSWORD));
    }

    @Test
    void repeatedFailuresPauseTheGuessingAddressNotTheRealUser() {
        String attacker = "203.0.113.66";
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), auth.login(user.username(), "guess " + i, attacker));
        }
        assertEquals(Optional.empty(), auth.login(user.username(), StoreFixture.PASSWORD, attacker),
                "the guessing address is paused after 3 failures, even with the right password");
        long start = System.nanoTime();
        assertTrue(auth.login(user.username(), StoreFixture.PASSWORD, "198.51.100.7").isPresent(),
                "the real user at another address still signs in");
        assertTrue(System.nanoTime() - start >= 900_000_000L, "but a little slower while the name is under attack");
        assertTrue(auth.login(f.kamA.username(), StoreFixture.PASSWORD, attacker).isPresent(), "other names go on");
        assertEquals(Optional.empty(), auth.login(user.username(), StoreFixture.PASSWORD, attacker), "still paused");
    }

    @Test
    void unknownNamesLeaveNoThrottleRows() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), auth.login("nobody-" + i + "-" + f.unitA, "guess", "203.0.113.66"));
        }
        try (var c = dataSource().getConnection();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM login_throttle WHERE username LIKE ?")) {
            ps.setString(1, "nobody-%-" + f.unitA);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        auth.login(user.username(), "guess 1");
        auth.login(user.username(), "guess 2");
        assertTrue(auth.login(user.username(), StoreFixture.PASSWORD).isPresent());
        auth.login(user.username(), "guess 3");
        auth.login(user.username(), "guess 4");
        assertTrue(auth.login(user.username(), StoreFixture.PASSWORD).isPresent());
    }

    @Test
    void tokensActForTheirUserUntilRevoked() {
        Caller caller = StoreFixture.caller(user);
        IssuedToken issued = auth.createToken(caller, "nightly sync");
        assertTrue(issued.secret().startsWith("okam_"));
        assertEquals(user.id(), auth.authenticateToken(issued.secret()).orElseThrow().userId());
        assertEquals(1, auth.tokens(caller).size());
        assertFalse(countTokensWithSecret(issued.secret()), "only the hash is stored");
        auth.revokeToken(caller, issued.token().id());
        assertEquals(Optional.empty(), auth.authenticateToken(issued.secret()));
    }

    /**
     * Credentials are checked against the database at every request, on each node: a second authentication
     * service over the same database (another node) sees every revocation and grant change at its next request.
     */
    @Test
    void revocationsCountAtOnceOnEveryNode() {
        AuthenticationService other = new AuthenticationService(new SqlDatabase(dataSource(), f.eventAdmin),
                config(3, 60), StoreFixture.HASHER);
        Caller caller = StoreFixture.caller(user);
        IssuedToken revoked = auth.createToken(caller, "revoked elsewhere");
        IssuedToken byPassword = auth.createToken(caller, "revoked by a password change");
        Session session = auth.login(user.username(), StoreFixture.PASSWORD).orElseThrow();
        for (AuthenticationService node : List.of(auth, other)) {
            assertTrue(node.authenticateToken(revoked.secret()).isPresent());
            assertEquals(Set.of(Role.VIEWER), node.authenticateToken(byPassword.secret()).orElseThrow().grants()
                    .get(f.unitA));
            assertTrue(node.session(session.token()).isPresent());
        }

        User granted = f.users.update(f.admin, user.id(), user.version(), new UserDraft(user.username(), null, null,
                false, true, Map.of(f.unitA, Set.of(Role.KEY_ACCOUNT_MANAGER)), null));
        for (AuthenticationService node : List.of(auth, other)) {
            assertEquals(Set.of(Role.KEY_ACCOUNT_MANAGER), node.authenticateToken(revoked.secret()).orElseThrow()
                    .grants().get(f.unitA), "a changed grant counts at the next request");
            assertEquals(Set.of(Role.KEY_ACCOUNT_MANAGER), node.session(session.token()).orElseThrow().caller()
                    .grants().get(f.unitA));
        }

        other.revokeToken(caller, revoked.token().id());
        assertEquals(Optional.empty(), auth.authenticateToken(revoked.secret()), "revoked on the other node");
        assertEquals(Optional.empty(), other.authenticateToken(revoked.secret()));

        auth.changePassword(StoreFixture.caller(granted), StoreFixture.PASSWORD, "a brand new password", true, null);
        for (AuthenticationService node : List.of(auth, other)) {
            assertEquals(Optional.empty(), node.authenticateToken(byPassword.secret()), "revoked with the password");
            assertEquals(Optional.empty(), node.session(session.token()), "signed out by the password change");
        }

        IssuedToken last = other.createToken(caller, "of a disabled user");
        Session again = other.login(user.username(), "a brand new password").orElseThrow();
        assertTrue(auth.authenticateToken(last.secret()).isPresent());
        f.users.update(f.admin, user.id(), granted.version() + 1, new UserDraft(user.username(), null, null, false,
                false, granted.grants(), null));
        for (AuthenticationService node : List.of(auth, other)) {
            assertEquals(Optional.empty(), node.authenticateToken(last.secret()), "a disabled user's token");
            assertEquals(Optional.empty(), node.session(again.token()), "a disabled user's session");
        }
    }

    @Test
    void disablingAUserEndsTheirSessions() {
        Session s = auth.login(user.username(), StoreFixture.PASSWORD).orElseThrow();
        f.users.update(f.admin, user.id(), user.version(), new UserDraft(user.username(), null, null, false, false,
                user.grants(), null));
        assertEquals(Optional.empty(), auth.session(s.token()));
        assertEquals(Optional.empty(), auth.login(user.username(), StoreFixture.PASSWORD));
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        Caller caller = StoreFixture.caller(user);
        Session here = auth.login(user.username(), StoreFixture.PASSWORD).orElseThrow();
        Session elsewhere = auth.login(user.username(), StoreFixture.PASSWORD).orElseThrow();
        IssuedToken kept = auth.createToken(caller, "kept");

        ValidationException wrong = assertThrows(ValidationException.class, () -> auth.changePassword(caller,
                "not the password", "a brand new password", false, here.token()));
        assertEquals("currentPassword", wrong.violations().get(0).field());
        assertEquals("newPassword", assertThrows(ValidationException.class, () -> auth.changePassword(caller,
                StoreFixture.PASSWORD, "short", false, here.token())).violations().get(0).field());
        assertTrue(auth.session(elsewhere.token()).isPresent(), "a refused change changes nothing");

        auth.changePassword(caller, StoreFixture.PASSWORD, "a brand new password", false, here.token());
        assertTrue(auth.session(here.token()).isPresent(), "the session making the change stays");
        assertEquals(Optional.empty(), auth.session(elsewhere.token()), "every other session ends");
        assertTrue(auth.authenticateToken(kept.secret()).isPresent(), "tokens stay unless the user says so");
        assertEquals(Optional.empty(), auth.login(user.username(), StoreFixture.PASSWORD));
        assertTrue(auth.login(user.username(), "a brand new password").isPresent());

        auth.changePassword(caller, "a brand new password", "another new password", true, null);
        assertEquals(Optional.empty(), auth.authenticateToken(kept.secret()), "revoked on request");
        assertEquals(Optional.empty(), auth.session(here.token()), "a change by token keeps no session");
    }

    @Test
    void yourOwnPasswordIsNotChangedWithoutTheCurrentOneAndAResetEndsEverything() {
        Caller caller = StoreFixture.caller(user);
        ValidationException e = assertThrows(ValidationException.class, () -> f.users.update(caller, user.id(),
                user.version(), new UserDraft(user.username(), null, null, false, true, user.grants(),
                        "taken over session")));
        assertEquals("password", e.violations().get(0).field());
        assertTrue(auth.login(user.username(), StoreFixture.PASSWORD).isPresent());

        Session s = auth.login(user.username(), StoreFixture.PASSWORD).orElseThrow();
        IssuedToken token = auth.createToken(caller, "integration");
        f.users.update(f.admin, user.id(), user.version(), new UserDraft(user.username(), null, null, false, true,
                user.grants(), "reset by the admin"));
        assertEquals(Optional.empty(), auth.session(s.token()));
        assertEquals(Optional.empty(), auth.authenticateToken(token.secret()), "a reset revokes the tokens");
    }

    @Test
    void aTokenMayCarryAnExpiry() throws InterruptedException {
        Caller caller = StoreFixture.caller(user);
        assertEquals("expiresAt", assertThrows(ValidationException.class, () -> auth.createToken(caller, "past",
                Instant.now().minusSeconds(1))).violations().get(0).field());
        Instant soon = Instant.now().plusMillis(1500);
        IssuedToken shortLived = auth.createToken(caller, "short", soon);
        IssuedToken lasting = auth.createToken(caller, "lasting", Instant.now().plus(Duration.ofDays(30)));
        assertTrue(auth.authenticateToken(shortLived.secret()).isPresent());
        assertEquals(soon.truncatedTo(ChronoUnit.MILLIS), auth.tokens(caller).stream()
                .filter(t -> t.name().equals("short")).findFirst().orElseThrow().expiresAt().truncatedTo(ChronoUnit.MILLIS));
        Thread.sleep(Duration.between(Instant.now(), soon).toMillis() + 100);
        assertEquals(Optional.empty(), auth.authenticateToken(shortLived.secret()), "expired");
        assertTrue(auth.authenticateToken(lasting.secret()).isPresent());
    }

    @Test
    void signInsAndUserChangesAreAudited() {
        auth.login(user.username(), "wrong password!", "203.0.113.9");
        auth.login(user.username(), StoreFixture.PASSWORD, "198.51.100.1").orElseThrow();
        auth.login("nobody-" + f.unitA, "guess", "203.0.113.9");
        assertEquals(List.of("sign-in-failed 203.0.113.9", "signed-in 198.51.100.1"), audit("sign-in", user.id()));
        assertEquals(List.of(), audit("sign-in", "nobody-" + f.unitA));

        User changed = f.users.update(f.admin, user.id(), user.version(), new UserDraft(user.username(), "Renamed",
                null, false, true, Map.of(f.unitA, Set.of(Role.KEY_ACCOUNT_MANAGER)), "reset by the admin"));
        auth.changePassword(StoreFixture.caller(changed), "reset by the admin", "changed by the user", true, null);
        List<String> trail = audit("user", user.id());
        assertEquals(List.of("created", "updated", "password-changed"), trail.stream().map(t -> t.split(" ")[0]).toList());
        assertTrue(trail.get(1).contains("displayName") && trail.get(1).contains("grants")
                && trail.get(1).contains("password") && !trail.get(1).contains("reset by the admin"), trail.get(1));
    }

    /** The audit entries of an entity, oldest first: action and the changed values. */
    private List<String> audit(String entityType, String entityId) {
        try (var c = dataSource().getConnection(); var ps = c.prepareStatement("SELECT action, changes FROM audit_entry "
                + "WHERE entity_type = ? AND entity_id = ? ORDER BY seq")) {
            ps.setString(1, entityType);
            ps.setString(2, entityId);
            List<String> out = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String changes = rs.getString(2);
                    out.add(rs.getString(1) + " " + (entityType.equals("sign-in")
                            ? changes.replaceAll(".*\"after\":\"([^\"]*)\".*", "$1") : changes));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean countTokensWithSecret(String secret) {
        try (var c = dataSource().getConnection();
                var ps = c.prepareStatement("SELECT COUNT(*) FROM api_token WHERE token_hash = ?")) {
            ps.setString(1, secret);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuthenticationService.Config config(int failuresAllowed, int lockSeconds) {
        return new AuthenticationService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AuthenticationService.Config.class;
            }

            @Override
            public int session_idle_minutes() {
                return 480;
            }

            @Override
            public int login_failures_allowed() {
                return failuresAllowed;
            }

            @Override
            public int login_lock_seconds() {
                return lockSeconds;
            }
        };
    }
}
