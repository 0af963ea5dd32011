package org.openkam.scoring.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleServletTest {

    @ParameterizedTest
    @ValueSource(strings = {"/portfolio.js", "/models.js", "/recommendations.js", "/chart.v2.js"})
    void plainModuleNamesMapIntoTheFolder(String path) {
        assertEquals(Optional.of("/scoring-console" + path), ModuleServlet.resource(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/..", "/../portfolio.js", "/a/../portfolio.js", "/sub/portfolio.js",
        "/.js", "/.hidden.js", "/portfolio.js/", "/portfolio", "/portfolio.css", "/portfolio.json", "//portfolio.js",
        "/portfolio..js", "/port folio.js", "/portfolio.js%00", "/%2e%2e/x.js", "\\portfolio.js",
        "/OSGI-INF/openkam/openapi.json"})
    void anythingElseIsNotAModule(String path) {
        assertTrue(ModuleServlet.resource(path).isEmpty(), path);
    }

    @org.junit.jupiter.api.Test
    void noPathIsNotAModule() {
        assertTrue(ModuleServlet.resource(null).isEmpty());
    }
}
