package org.openkam.itest;

import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.openkam.api.security.Session;

/** A new global administrator signed in through the real services, as the console's session cookie. */
final class AdminSession {

    private static final Caller ROOT = new Caller("itest", "itest", true, Map.of());

    private AdminSession() {
    }

    /** The {@code Cookie} header value of a fresh administrator's session; {@code prefix} names the user. */
    static String cookie(Users users, Authentication authentication, String prefix) {
        return "OPENKAM_SESSION=" + session(users, authentication, prefix).token();
    }

    /** A fresh administrator's session, for its token and its CSRF token; {@code prefix} names the user. */
    static Session session(Users users, Authentication authentication, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        users.create(ROOT, new UserDraft(username, "Integration test", null, true, true, Map.of(), password));
        return authentication.login(username, password).orElseThrow();
    }
}
