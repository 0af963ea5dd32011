package org.openkam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PluginJarTest {

    @Test
    void importPackageNamesIgnoreTheCommasOfVersionRanges() {
        assertEquals(List.of("org.openkam.api", "org.openkam.http.api", "org.osgi.framework"),
                PluginJar.packageNames("org.openkam.api;version=\"[1.0,2)\",org.openkam.http.api;version=\"[1.1,2)\","
                        + "org.osgi.framework;version=\"[1.10,2)\""));
    }
}
