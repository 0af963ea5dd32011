package org.openkam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path PRODUCT = Path.of("/opt/openkam");

    @Test
    void defaultsAreTheIssuesSizes() {
        Options o = Options.parse(new String[0], PRODUCT);
        assertEquals(1_000_000, o.accounts());
        assertEquals(5, o.starts());
        assertEquals(1_000_000, o.roots() * o.nodesPerRoot());
    }

    @Test
    void quickIsSmallerAndOptionsOverrideIt() {
        Options o = Options.parse(new String[] {"--quick", "--accounts", "20,000", "--karaf"}, PRODUCT);
        assertEquals(20_000, o.accounts());
        assertEquals(3, o.starts());
        assertTrue(o.karaf());
        assertEquals(100_000, o.roots() * o.nodesPerRoot());
    }

    @Test
    void onlyNamesPhases() {
        assertEquals(java.util.Set.copyOf(Options.PHASES), Options.parse(new String[0], PRODUCT).only());
        assertEquals(java.util.Set.of("start", "api"),
                Options.parse(new String[] {"--only", "start,api"}, PRODUCT).only());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--only", "start,web"},
                PRODUCT));
    }

    @Test
    void productOptionsAreKeptForEveryProductAndNoneByDefault() {
        assertEquals("", Options.parse(new String[0], PRODUCT).productOpts());
        assertEquals("-XX:StartFlightRecording=filename=/tmp/p.jfr -Xss2m", Options.parse(new String[] {
            "--product-opts", " -XX:StartFlightRecording=filename=/tmp/p.jfr -Xss2m "}, PRODUCT).productOpts());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--product-opts"}, PRODUCT));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertEquals("unknown option: --fast",
                assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--fast"}, PRODUCT))
                        .getMessage());
        assertEquals("--accounts needs a positive number, not 0", assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--accounts", "0"}, PRODUCT)).getMessage());
        assertEquals("--starts needs a value", assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--starts"}, PRODUCT)).getMessage());
    }
}
