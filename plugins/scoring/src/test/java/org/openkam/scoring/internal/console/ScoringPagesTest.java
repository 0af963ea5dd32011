package org.openkam.scoring.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openkam.api.Role;
import org.openkam.api.console.ConsolePage;

class ScoringPagesTest {

    private static final List<ConsolePage> PAGES = List.of(new PortfolioPage(), new RecommendationsPage(),
            new ModelsPage());

    @Test
    void thePagesAreListedUnderScoringWithPrefixedIds() {
        assertEquals(Set.of("scoring-portfolio", "scoring-recommendations", "scoring-models"),
                PAGES.stream().map(ConsolePage::id).collect(Collectors.toSet()));
        for (ConsolePage p : PAGES) {
            assertEquals("Scoring", p.group());
            assertTrue(p.id().matches("scoring(-[a-z0-9]+)+"), p.id());
            assertTrue(p.moduleUrl().startsWith("/console/plugins/scoring/"), p.moduleUrl());
        }
        assertEquals(List.of("Portfolio", "Key-account candidates", "Scoring models"),
                PAGES.stream().map(ConsolePage::title).toList());
        assertEquals(List.of(10, 20, 30), PAGES.stream().map(ConsolePage::order).toList());
    }

    @Test
    void onlyTheModelsPageNeedsAUnitAdministrator() {
        assertEquals(Optional.empty(), new PortfolioPage().requiredRole());
        assertEquals(Optional.empty(), new RecommendationsPage().requiredRole());
        assertEquals(Optional.of(Role.BU_ADMIN), new ModelsPage().requiredRole());
        PAGES.forEach(p -> assertTrue(!p.adminOnly(), p.id()));
    }

    @Test
    void everyPageModuleIsServedAndExportsRender() throws IOException {
        for (ConsolePage p : PAGES) {
            String path = p.moduleUrl().substring(ModuleServlet.PREFIX.length() - 1);
            String resource = ModuleServlet.resource(path).orElseThrow();
            try (InputStream in = ModuleServlet.class.getResourceAsStream(resource)) {
                assertNotNull(in, p.id() + ": " + resource + " is missing");
                String module = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(module.contains("export async function render(element, context)"), p.id());
                assertTrue(!module.contains("innerHTML"), p.id() + " builds its DOM from data as text only");
            }
        }
    }
}
