package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkam.api.persistence.Database;
import org.openkam.testing.RouteDescription;

/**
 * Keeps the fragment and the routes {@link RetailResource#define} declares in step: every route documented and
 * nothing stale, components prefixed, every reference resolving here or in the core document, declarations matching the fragment.
 */
class RetailApiDescriptionTest {

    private static RouteDescription description;

    @BeforeAll
    static void load() throws Exception {
        Database database = (Database) Proxy.newProxyInstance(Database.class.getClassLoader(),
                new Class<?>[] {Database.class}, (proxy, method, args) -> method.getName().equals("migrate") ? 0 : null);
        description = RouteDescription.of(new RetailResource(database, null, null, null, null, null));
    }

    @Test
    void theRoutesAreExactlyTheDocumentedOperations() {
        assertEquals(List.of(), description.duplicates(), "declared twice");
        assertTrue(description.routes().stream().allMatch(r -> r.contains(" /retail/")), description.routes()::toString);
        assertEquals(description.routes(), description.operations().keySet());
        assertTrue(description.fragment().get("openapi").getAsString().startsWith("3.1."));
    }

    @Test
    void componentsCarryThePluginsPrefixAndReferencesResolve() {
        assertEquals(List.of(), description.componentProblems("Retail"));
    }

    @Test
    void theDeclarationsTheKitDerivesErrorAnswersFromMatchTheFragment() {
        assertEquals(List.of(), description.declarationProblems());
    }
}
