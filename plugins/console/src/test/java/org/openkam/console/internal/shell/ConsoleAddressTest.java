package org.openkam.console.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleAddressTest {

    @Test
    void aServerOnEveryInterfaceIsReachedAtLocalhost() {
        assertEquals("http://localhost:8080/console/", ConsoleAddress.consoleUri("http://0.0.0.0:8080/"));
        assertEquals("http://kam.example.com:9000/console/", ConsoleAddress.consoleUri("http://kam.example.com:9000"));
    }

    @Test
    void theMessageNamesTheAddressAndThePasswordFile() {
        String message = ConsoleAddress.message(List.of("http://0.0.0.0:8181/"), Path.of("/srv/data/initial-admin-password"));
        assertTrue(message.contains("http://localhost:8181/console/"), message);
        assertTrue(message.contains("'admin'") && message.contains("/srv/data/initial-admin-password"), message);
    }

    @Test
    void withoutAPasswordFileItSaysHowTheFirstAdministratorSignsIn() {
        String message = ConsoleAddress.message(List.of(), null);
        assertTrue(message.contains("/console/") && message.contains("OPENKAM_ADMIN_PASSWORD"), message);
    }
}
