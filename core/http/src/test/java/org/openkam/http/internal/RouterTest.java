package org.openkam.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .add("GET", "/accounts/{id}", ex -> "one")
            .add("GET", "/accounts/export", ex -> "export")
            .add("DELETE", "/accounts/{id}", ex -> "gone")
            .add("GET", "/accounts/{id}/contacts/{contactId}", ex -> "contact");

    @Test
    void literalSegmentsWinOverParameters() {
        Router.Match m = assertInstanceOf(Router.Match.class, router.find("GET", "/accounts/export"));
        assertEquals("/accounts/export", m.route().template());
    }

    @Test
    void parametersAreDecoded() {
        Router.Match m = assertInstanceOf(Router.Match.class, router.find("GET", "/accounts/a%20b/contacts/c1/"));
        assertEquals(Map.of("id", "a b", "contactId", "c1"), m.params());
    }

    @Test
    void wrongMethodListsTheAllowedOnes() {
        assertEquals(Set.of("GET", "DELETE"), router.find("PUT", "/accounts/42"));
    }

    @Test
    void unknownPathAllowsNothing() {
        assertEquals(Set.of(), router.find("GET", "/nothing/here"));
        assertEquals(Set.of(), router.find("GET", "/accounts//contacts/x"));
    }
}
