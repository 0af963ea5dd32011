package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Caller;
import org.openkam.api.organization.BusinessUnits;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The {@code kam:*} commands through Gogo's command processor, as the terminal console runs them (the shell that
 * reads the terminal is not in this framework: it would read the test JVM's standard input).
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ShellCommandsTest {

    static final Caller ADMIN = new Caller("itest", "itest", true, Map.of());

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    CommandProcessor processor;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    BusinessUnits units;

    @BeforeEach
    void commandsRegistered() throws InterruptedException {
        Object commands = Await.until(Duration.ofSeconds(30), () -> {
            try {
                var refs = context.getAllServiceReferences(null, "(osgi.command.scope=kam)");
                return refs == null ? null : refs[0];
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        assertNotNull(commands, "the kam commands never registered");
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            session.execute(command);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsAUnitTheRegistryKnowsAndListsIt() throws Exception {
        String id = "shell-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals("Created business unit " + id + " (Shell unit)\n", run("kam:bu " + id + " 'Shell unit'"));
        assertEquals("Shell unit", units.get(ADMIN, id).name());
        String listed = run("kam:bu");
        assertTrue(listed.startsWith("ID "), listed);
        assertTrue(listed.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("Shell unit") && l.endsWith("0")),
                listed);
    }

    @Test
    void optionsAndOverloadsReachTheRightCommand() throws Exception {
        String id = "shell-" + UUID.randomUUID().toString().substring(0, 8);
        run("kam:bu " + id + " Empty");
        assertEquals("No accounts in " + id + ".\n", run("kam:accounts " + id));
        assertEquals("No accounts in " + id + " matching 'acme'.\n", run("kam:accounts -n 3 " + id + " acme"));
        assertEquals("kam:accounts: --limit must be between 1 and 500\n", run("kam:accounts --limit 501"));
    }

    @Test
    void aRefusedCommandPrintsOneLine() throws Exception {
        assertEquals("kam:accounts: business unit no-such-unit not found\n", run("kam:accounts no-such-unit"));
        assertEquals("kam:rescore: business unit no-such-unit not found\n", run("kam:rescore no-such-unit"));
    }

    @Test
    void pluginsListsTheOpenKamBundlesAndTheirModels() throws Exception {
        String text = run("kam:plugins");
        assertTrue(text.lines().anyMatch(l -> l.contains("org.openkam.shell") && l.contains("ACTIVE")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("org.openkam.scoring") && l.contains("abc-analysis")), text);
        assertTrue(text.contains("Enabled per business unit"), text);
    }
}
