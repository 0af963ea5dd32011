#set( $Prefix = "${pluginName.substring(0,1).toUpperCase()}${pluginName.substring(1)}" )
package ${package};

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
 * Keeps the fragment and the routes ReviewResource declares in step: every route documented and
 * nothing stale, components prefixed, every reference resolving here or in the core document, declarations matching the fragment.
 */
class ReviewApiDescriptionTest {

    private static RouteDescription description;

    @BeforeAll
    static void load() throws Exception {
        Database database = (Database) Proxy.newProxyInstance(Database.class.getClassLoader(),
                new Class<?>[] {Database.class}, (proxy, method, args) -> method.getName().equals("migrate") ? 0 : null);
        description = RouteDescription.of(new ReviewResource(database, null));
    }

    @Test
    void theRoutesAreExactlyTheDocumentedOperations() {
        assertEquals(List.of(), description.duplicates(), "declared twice");
        assertEquals(Set.of("GET /${pluginName}/accounts/{id}/reviews", "POST /${pluginName}/accounts/{id}/reviews",
                "GET /${pluginName}/accounts/{id}/reviews/{reviewId}", "PATCH /${pluginName}/accounts/{id}/reviews/{reviewId}",
                "DELETE /${pluginName}/accounts/{id}/reviews/{reviewId}"), description.routes());
        assertEquals(description.routes(), description.operations().keySet());
        assertTrue(description.fragment().get("openapi").getAsString().startsWith("3.1."));
    }

    @Test
    void componentsCarryThePluginsPrefixAndReferencesResolve() {
        assertEquals(List.of(), description.componentProblems("${Prefix}"));
    }

    @Test
    void theDeclarationsTheKitDerivesErrorAnswersFromMatchTheFragment() {
        assertEquals(List.of(), description.declarationProblems());
    }
}
