package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The terminal console: {@code bin/openkam --console} reads Gogo commands from its standard input, as typed on a
 * terminal, and the {@code kam:*} commands act on the same data the REST API serves. Without {@code --console}
 * the product never reads its standard input.
 */
class ShellIT {

    private static final String PROMPT = "g! ";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theConsoleRunsTheKamCommandsOnTheProductsData() throws IOException {
        try (OpenKamProcess openkam = OpenKamProcess.create("ShellIT-console").withArgs("--console").start()) {
            openkam.awaitOutput(COMMAND_TIMEOUT, PROMPT);
            Api admin = openkam.admin();
            String unit = "shell-" + Long.toString(System.nanoTime() % 1_000_000, 36);

            String created = command(openkam, "kam:bu " + unit + " 'Shell Test Unit'");
            assertTrue(created.contains("Created business unit " + unit + " (Shell Test Unit)"), created);
            assertEquals("Shell Test Unit", admin.get("/business-units/" + unit).expect(200).object().get("name")
                    .getAsString(), "the unit created in the shell exists for the API");

            String refused = command(openkam, "kam:bu Not_An_Id 'Bad'");
            assertTrue(refused.contains("kam:bu: id: must be"), refused);
            assertNoStackTrace(refused);

            // a relative path is read from the folder bin/openkam was started in (the test starts it in the
            // instance folder); an empty line and a value over two lines keep the file's own line numbers
            Path folder = openkam.home().getParent();
            Files.writeString(folder.resolve("accounts.csv"), "name,legalName,country,tier,currency,annualSales\n"
                    + "Alpha Shell Works,\"Alpha Shell\nWorks GmbH\",DE,key,EUR,1200000\n"
                    + "\n"
                    + "Beta Shell Trading,,FR,none,EUR,300000\n"
                    + "Gamma Shell Foods,,US,strategic,USD,2500000\n", StandardCharsets.UTF_8);
            String imported = command(openkam, "kam:import accounts.csv " + unit);
            assertTrue(imported.contains("Importing accounts.csv into " + unit + " as job "), imported);
            assertTrue(imported.contains("Import succeeded: 3 account(s) stored."), imported);

            Files.writeString(folder.resolve("bad.csv"), "name,country\nDelta Shell,DE\n\nEpsilon Shell,Germany\n",
                    StandardCharsets.UTF_8);
            String failed = command(openkam, "kam:import bad.csv " + unit);
            assertTrue(failed.contains("Import failed: 1 problem(s) found; nothing was stored."), failed);
            assertTrue(failed.contains("line 4, country: "), "the bad line by its number in the file: " + failed);

            String missing = command(openkam, "kam:import no-such-file.csv " + unit);
            assertTrue(missing.contains("kam:import: no readable file " + folder.toRealPath().resolve("no-such-file.csv")),
                    missing);

            JsonObject page = admin.get("/accounts?businessUnit=" + unit + "&limit=100&total=true").expect(200).object();
            Set<String> names = new TreeSet<>();
            String alpha = null;
            for (JsonElement e : page.getAsJsonArray("items")) {
                String name = e.getAsJsonObject().get("name").getAsString();
                names.add(name);
                if (name.startsWith("Alpha")) {
                    alpha = e.getAsJsonObject().get("id").getAsString();
                    assertEquals("Alpha Shell\nWorks GmbH", e.getAsJsonObject().get("legalName").getAsString());
                }
            }
            assertEquals(Set.of("Alpha Shell Works", "Beta Shell Trading", "Gamma Shell Foods"), names,
                    "the shell's import stored exactly the good file, into the unit: " + page);

            String listed = command(openkam, "kam:accounts " + unit);
            assertTrue(listed.contains("Alpha Shell Works") && listed.contains("Gamma Shell Foods"), listed);
            assertTrue(listed.contains(alpha), "the list shows account ids: " + listed);
            assertTrue(listed.contains("strategic"), listed);
            assertTrue(listed.contains("3 of 3 account(s)"), listed);
            String searched = command(openkam, "kam:accounts -n 5 " + unit + " beta");
            assertTrue(searched.contains("Beta Shell Trading") && !searched.contains("Alpha Shell Works"), searched);
            assertTrue(searched.contains("1 of 1 account(s)"), searched);

            String rescored = command(openkam, "kam:rescore " + unit);
            assertTrue(rescored.contains(unit + ": rescoring as job "), rescored);
            assertTrue(rescored.contains(unit + ": succeeded: Scored 3 account(s) of " + unit), rescored);
            JsonObject scores = admin.get("/scoring/accounts/" + alpha + "/scores").expect(200).object();
            assertTrue(scores.toString().contains("abc-analysis"), "the rescored account has scores: " + scores);

            String plugins = command(openkam, "kam:plugins");
            assertTrue(plugins.contains("org.openkam.shell") && plugins.contains("org.openkam.registry"), plugins);
            assertTrue(plugins.lines().anyMatch(l -> l.contains("org.openkam.scoring") && l.contains("ACTIVE")
                    && l.contains("abc-analysis")), "the scoring bundle with its models: " + plugins);
            assertTrue(plugins.lines().anyMatch(l -> l.startsWith(unit + " ") && l.contains("portfolio-matrix")),
                    "the models enabled for the new unit: " + plugins);

            String unknown = command(openkam, "kam:rescore no-such-unit");
            assertTrue(unknown.contains("kam:rescore: business unit no-such-unit not found"), unknown);
            assertNoStackTrace(unknown);

            String usage = command(openkam, "kam:import");
            assertTrue(usage.contains("kam:import [-p | --partial] <file.csv> <unit>"), usage);

            // Ctrl-D: the console ends and OpenKAM stops with it
            openkam.closeInput();
            assertTrue(openkam.awaitExit(Duration.ofSeconds(30)), "end of input stops OpenKAM\n" + openkam.outputTail(20));
        }
    }

    @Test
    void withoutConsoleTheProductNeverReadsItsInput() throws InterruptedException {
        try (OpenKamProcess openkam = OpenKamProcess.create("ShellIT-service").start()) {
            Api admin = openkam.admin();
            openkam.typeLine("kam:bu typed-unit 'Typed'");
            openkam.closeInput();
            // Nothing should happen, so there is no event to wait for: give a shell (if one read) time to act.
            Thread.sleep(3000);
            assertTrue(openkam.isAlive(), "the end of input does not stop a product without --console\n"
                    + openkam.outputTail(20));
            admin.get("/business-units/typed-unit").expect(404);
            admin.get("/business-units").expect(200);
            assertFalse(openkam.output().contains(PROMPT), "no shell prompt without --console\n" + openkam.outputTail(20));
            int exit = openkam.stop();
            assertTrue(exit == 0 || exit == 143, "a clean stop on SIGTERM, was " + exit);
        }
    }

    /** Types a command and returns what it printed, up to the next prompt. */
    private static String command(OpenKamProcess openkam, String line) {
        int before = openkam.output().length();
        openkam.typeLine(line);
        long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = openkam.output();
            if (out.length() > before) {
                String added = out.substring(before);
                int prompt = added.indexOf(PROMPT);
                if (prompt >= 0) {
                    return added.substring(0, prompt);
                }
            }
            if (!openkam.isAlive()) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no prompt after '" + line + "'\n" + openkam.outputTail(40));
    }

    private static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "one line, no stack trace: " + output);
    }
}
