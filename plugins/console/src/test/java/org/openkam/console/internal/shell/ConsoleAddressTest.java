package org.openkam.console.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleAddressTest {

    @Test
    void aServerOnEveryInterfaceIsReachedAtLocalhost() {
        // the runtime names one of the machine's interfaces when the server listens on all of them
        assertEquals("http://localhost:8080/console/", ConsoleAddress.consoleUri("http://[fd00::2%eth0]:8080/", null));
        assertEquals("http://localhost:8080/console/", ConsoleAddress.consoleUri("http://10.0.0.7:8080/", "0.0.0.0"));
        assertEquals("http://kam.example.com:9000/console/",
                ConsoleAddress.consoleUri("http://10.0.0.7:9000", "kam.example.com"));
    }

    @Test
    void theMessageNamesTheAddressAndThePasswordFile() {
        String message = ConsoleAddress.message(List.of("http://192.168.1.5:8181/"), null, Path.of("/srv/data/initial-admin-password"));
        assertTrue(message.contains("http://localhost:8181/console/"), message);
        assertTrue(message.contains("'admin'") && message.contains("/srv/data/initial-admin-password"), message);
    }

    @Test
    void withoutAPasswordFileItSaysHowTheFirstAdministratorSignsIn() {
        String message = ConsoleAddress.message(List.of(), null, null);
        assertTrue(message.contains("/console/") && message.contains("OPENKAM_ADMIN_PASSWORD"), message);
    }
}
