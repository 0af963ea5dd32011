package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkam.api.persistence.Database;
import org.openkam.testing.RouteDescription;

/**
 * Keeps the fragment and the routes {@link HierarchyResource#define} declares in step: every route documented and
 * nothing stale, components prefixed, every reference resolving here or in the core document, declarations matching the fragment.
 */
class HierarchyApiDescriptionTest {

    private static RouteDescription description;

    @BeforeAll
    static void load() throws Exception {
        Database database = (Database) Proxy.newProxyInstance(Database.class.getClassLoader(),
                new Class<?>[] {Database.class}, (proxy, method, args) -> method.getName().equals("migrate") ? 0 : null);
        description = RouteDescription.of(new HierarchyResource(database, null, null, null, null, null, null));
    }

    @Test
    void theRoutesAreExactlyTheDocumentedOperations() {
        assertEquals(List.of(), description.duplicates(), "declared twice");
        assertEquals(Set.of("GET /hierarchies", "POST /hierarchies", "GET /hierarchies/{hierarchyId}",
                "GET /hierarchies/{hierarchyId}/nodes", "POST /hierarchies/{hierarchyId}/nodes",
                "GET /hierarchies/{hierarchyId}/nodes/{nodeId}",
                "GET /hierarchies/{hierarchyId}/nodes/{nodeId}/rollup",
                "GET /hierarchies/{hierarchyId}/nodes/{nodeId}/coverage",
                "GET /hierarchies/{hierarchyId}/nodes/{nodeId}/buying-center-coverage",
                "POST /hierarchies/{hierarchyId}/nodes/{nodeId}/move",
                "POST /hierarchies/{hierarchyId}/links", "POST /hierarchies/{hierarchyId}/imports/gleif",
                "DELETE /hierarchies/{hierarchyId}/links/{linkId}",
                "GET /accounts/{id}/hierarchy"), description.routes());
        assertEquals(description.routes(), description.operations().keySet());
        assertTrue(description.fragment().get("openapi").getAsString().startsWith("3.1."));
    }

    @Test
    void componentsCarryThePluginsPrefixAndReferencesResolve() {
        assertEquals(List.of(), description.componentProblems("Hierarchies"));
    }

    @Test
    void theDeclarationsTheKitDerivesErrorAnswersFromMatchTheFragment() {
        assertEquals(List.of(), description.declarationProblems());
    }
}
