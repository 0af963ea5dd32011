package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** CSV import as a background job (all-or-nothing and partial), its progress, and CSV / JSON export. */
class ImportExportIT {

    private static final String HEADER = "businessUnit,name,country,currency,annualSales,tier,status";
    private static OpenKamProcess openkam;
    private static Api admin;

    @BeforeAll
    static void start() {
        openkam = OpenKamProcess.shared("ImportExportIT");
        admin = openkam.admin();
    }

    @AfterAll
    static void shutDown() {
        if (openkam != null) {
            openkam.close();
        }
    }

    @Test
    void aBadLineFailsTheWholeImportAndStoresNothing() {
        String unit = Fixtures.createUnit(admin, "imp-fail");
        String csv = HEADER + "\n"
                + unit + ",Good One,DE,EUR,1000,key,active\n"            // line 2
                + unit + ",Good Two,FR,EUR,2000,none,prospect\n"         // line 3
                + unit + ",Bad Three,Germany,EUR,3000,key,active\n"      // line 4
                + unit + ",Good Four,US,USD,4000,strategic,active\n";    // line 5

        JsonObject job = runImport(csv, null);
        assertEquals("failed", text(job, "state"), "an all-or-nothing import with a bad line fails: " + job);
        List<JsonObject> problems = problems(job);
        assertTrue(problems.stream().anyMatch(p -> p.get("line").getAsLong() == 4
                && "country".equals(text(p, "field"))), "a problem must name line 4 (header is line 1) and the "
                + "country field: " + job);
        assertTrue(problems.stream().allMatch(p -> p.get("line").getAsLong() == 4),
                "only line 4 is bad: " + job);
        assertEquals(0, Fixtures.countAccounts(admin, unit), "a failed import must store nothing");
    }

    @Test
    void aClientThatPrefersToWaitGetsTheOutcome() {
        String unit = Fixtures.createUnit(admin, "imp-wait");
        Response refused = admin.request("POST", "/accounts/import").header("Prefer", "respond-async, wait=30")
                .body("text/csv", (HEADER + "\n" + unit + ",Good One,DE,EUR,1000,key,active\n"
                        + unit + ",Bad Two,Germany,EUR,3000,key,active\n").getBytes(StandardCharsets.UTF_8))
                .send().expectProblem(422);
        assertEquals(Set.of("line 3.country"), refused.problemFields(), refused.body());
        assertEquals("failed", admin.get(refused.text("job")).expect(200).text("state"));
        assertEquals(0, Fixtures.countAccounts(admin, unit), "nothing stored");

        Response done = admin.request("POST", "/accounts/import").header("Prefer", "wait=30")
                .body("text/csv", (HEADER + "\n" + unit + ",Good One,DE,EUR,1000,key,active\n")
                        .getBytes(StandardCharsets.UTF_8)).send().expect(200);
        assertEquals("succeeded", done.text("state"), done.body());
        assertTrue(done.header("Location").endsWith("/api/v1/jobs/" + done.text("id")), done.describe());
        assertEquals(1, Fixtures.countAccounts(admin, unit));
    }

    @Test
    void aGoodFileIsImported() {
        String unit = Fixtures.createUnit(admin, "imp-ok");
        String csv = HEADER + "\r\n"
                + unit + ",Good One,DE,EUR,1000.50,key,active\r\n"
                + unit + ",\"Good, Two\",FR,EUR,2000,none,prospect\r\n"
                + unit + ",Good Three,AT,EUR,,,\r\n"
                + unit + ",Good Four,US,USD,4000,strategic,active\r\n";

        JsonObject job = runImport(csv, null);
        assertEquals("succeeded", text(job, "state"), "the import: " + job);
        assertEquals(4, job.get("done").getAsLong(), "done: " + job);
        assertEquals(4, job.get("total").getAsLong(), "total: " + job);
        assertTrue(problems(job).isEmpty(), "no problems: " + job);

        Response list = admin.get("/accounts?businessUnit=" + unit + "&limit=100&total=true").expect(200);
        assertEquals(4, list.object().get("total").getAsLong(), list.describe());
        Set<String> names = names(list.items());
        assertEquals(Set.of("Good One", "Good, Two", "Good Three", "Good Four"), names, list.describe());
        JsonObject one = StreamSupport.stream(list.items().spliterator(), false).map(JsonElement::getAsJsonObject)
                .filter(a -> "Good One".equals(text(a, "name"))).findFirst().orElseThrow();
        assertEquals("DE", text(one, "country"));
        assertEquals("key", text(one, "tier"));
        assertEquals(0, one.get("annualSales").getAsBigDecimal().compareTo(new java.math.BigDecimal("1000.5")),
                "annualSales: " + one);
    }

    @Test
    void partialModeStoresTheGoodLinesAndReportsTheBad() {
        String unit = Fixtures.createUnit(admin, "imp-part");
        String csv = HEADER + "\n"
                + unit + ",Part One,DE,EUR,1000,key,active\n"         // line 2
                + unit + ",Part Two,DE,EURO,1000,key,active\n"        // line 3: bad currency
                + unit + ",Part Three,DE,EUR,1000,gold,active\n"      // line 4: bad tier
                + unit + ",Part Four,DE,EUR,1000,key,active\n";       // line 5

        JsonObject job = runImport(csv, "partial");
        assertEquals("succeeded", text(job, "state"), "a partial import succeeds with the good lines: " + job);
        assertEquals(2, job.get("done").getAsLong(), "two lines stored: " + job);
        List<JsonObject> problems = problems(job);
        assertTrue(problems.stream().anyMatch(p -> p.get("line").getAsLong() == 3
                && "currency".equals(text(p, "field"))), "line 3 currency must be reported: " + job);
        assertTrue(problems.stream().anyMatch(p -> p.get("line").getAsLong() == 4
                && "tier".equals(text(p, "field"))), "line 4 tier must be reported: " + job);

        Response list = admin.get("/accounts?businessUnit=" + unit + "&limit=100").expect(200);
        assertEquals(Set.of("Part One", "Part Four"), names(list.items()), list.describe());
    }

    @Test
    void linesWithoutAUnitGoToTheUnitTheImportNames() {
        String unit = Fixtures.createUnit(admin, "imp-unit");
        String other = Fixtures.createUnit(admin, "imp-unit-other");
        JsonObject job = runImport("name,country,businessUnit\nUnitless,DE,\nNamed,FR," + other + "\n",
                "all-or-nothing&businessUnit=" + unit);
        assertEquals("succeeded", text(job, "state"), job.toString());
        assertEquals(Set.of("Unitless"), names(admin.get("/accounts?businessUnit=" + unit).expect(200).items()));
        assertEquals(Set.of("Named"), names(admin.get("/accounts?businessUnit=" + other).expect(200).items()),
                "a line that names its unit keeps it");

        String kamName = Fixtures.unique("imp-kam");
        Fixtures.createUser(admin, kamName, unit, "key-account-manager");
        Api kam = openkam.api().signIn(kamName, Fixtures.PASSWORD);
        Response refused = kam.request("POST", "/accounts/import?businessUnit=" + other)
                .body("text/csv", "name\nX\n".getBytes(StandardCharsets.UTF_8)).send().expectProblem(400);
        assertEquals(Set.of("businessUnit"), refused.problemFields(), refused.describe());
        Response accepted = kam.request("POST", "/accounts/import?businessUnit=" + unit)
                .body("text/csv", "name\nBy the manager\n".getBytes(StandardCharsets.UTF_8)).send().expect(202);
        assertEquals("succeeded", text(kam.awaitJob(accepted.text("id"), j -> { }), "state"));
        assertEquals(2, Fixtures.countAccounts(admin, unit));
    }

    @Test
    void importRefusesWhatIsNotCsv() {
        admin.request("POST", "/accounts/import").json(Api.json("name", "x")).send().expectProblem(415);
        admin.request("POST", "/accounts/import?mode=sometimes").body("text/csv",
                (HEADER + "\n").getBytes(StandardCharsets.UTF_8)).send().expectProblem(400);
        JsonObject job = runImport("businessUnit,name,shoeSize\nx,y,42\n", null);
        assertEquals("failed", text(job, "state"), "an unknown column fails the import: " + job);
        assertTrue(problems(job).stream().anyMatch(p -> p.get("line").getAsLong() == 1),
                "the header (line 1) must be named: " + job);
    }

    @Test
    void importRefusesTextThatIsNotUtf8NamingLineAndColumn() {
        String unit = Fixtures.createUnit(admin, "imp-utf8");
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        csv.writeBytes((HEADER + "\n" + unit + ",Good One,DE,,,,\n" + unit + ",Nul\u0000Byte,DE,,,,\n" + unit + ",Caf")
                .getBytes(StandardCharsets.UTF_8));
        csv.writeBytes(new byte[] { (byte) 0xE9 }); // ISO-8859-1, not UTF-8
        csv.writeBytes((",FR,,,,\n" + unit + ",Good Two,AT,,,,\n").getBytes(StandardCharsets.UTF_8));
        Response accepted = admin.request("POST", "/accounts/import").body("text/csv", csv.toByteArray()).send()
                .expect(202);
        JsonObject job = admin.awaitJob(accepted.text("id"), j -> { });
        assertEquals("failed", text(job, "state"), "the import: " + job);
        assertEquals(List.of("3 name", "4 name"), problems(job).stream()
                .map(p -> p.get("line").getAsLong() + " " + p.get("field").getAsString()).sorted().toList(),
                "the bad lines and columns must be named: " + job);
        assertEquals(0, Fixtures.countAccounts(admin, unit), "a failed import must store nothing");
    }

    @Test
    void csvExportNeutralisesFormulas() {
        String unit = Fixtures.createUnit(admin, "exp-formula");
        Fixtures.createAccount(admin, unit, "=HYPERLINK(\"http://evil.example\")", "industry", "+cmd|' /C calc'!A0",
                "legalName", "@SUM(1+1)", "region", "-2+3");
        String csv = admin.request("GET", "/accounts/export?businessUnit=" + unit).header("Accept", "text/csv").send()
                .expect(200).body();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\",'@SUM(1+1),'+cmd|' /C calc'!A0,"), csv);
        assertTrue(csv.contains(",'-2+3,"), csv);
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                String value = cell.replace("\"", "");
                assertFalse(!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0,
                        "a cell starts a formula: " + cell + " in " + csv);
            }
        }
    }

    @Test
    void exportAsCsvAndJson() {
        String unit = Fixtures.createUnit(admin, "exp");
        for (int i = 1; i <= 3; i++) {
            Fixtures.createAccount(admin, unit, "Export " + i, "legalName", "Export " + i + ", Ltd.");
        }

        Response csv = admin.request("GET", "/accounts/export?businessUnit=" + unit).header("Accept", "text/csv")
                .send().expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.describe());
        List<String> lines = csv.body().lines().filter(l -> !l.isEmpty()).toList();
        assertEquals(4, lines.size(), "a header and one line per account: " + csv.describe());
        List<String> header = List.of(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("id", "businessUnit", "name", "country")), "header: " + lines.get(0));
        for (int i = 1; i <= 3; i++) {
            String name = "Export " + i;
            assertTrue(lines.stream().anyMatch(l -> l.contains(unit) && l.contains(name)), name + " in " + csv.body());
        }
        assertTrue(csv.body().contains("\"Export 1, Ltd.\""), "a value with a comma is quoted: " + csv.body());

        Response json = admin.request("GET", "/accounts/export?businessUnit=" + unit)
                .header("Accept", "application/json").send().expect(200);
        assertTrue(json.contentType().startsWith("application/json"), json.describe());
        JsonArray array = json.array();
        assertEquals(3, array.size(), json.describe());
        assertEquals(Set.of("Export 1", "Export 2", "Export 3"), names(array));

        // the whole export matches the listing's total
        long total = admin.get("/accounts?total=true&limit=1").expect(200).object().get("total").getAsLong();
        Response all = admin.request("GET", "/accounts/export").header("Accept", "application/json").send().expect(200);
        assertEquals(total, all.array().size(), "the unfiltered JSON export holds every account");
        Response allCsv = admin.request("GET", "/accounts/export").header("Accept", "text/csv").send().expect(200);
        assertEquals(total + 1, allCsv.body().lines().filter(l -> !l.isEmpty()).count(),
                "the unfiltered CSV export: a header and every account");

        // an export imports again as it is (ids given: updates, not copies)
        JsonObject job = runImport(csv.body(), null);
        assertEquals("succeeded", text(job, "state"), "re-importing an export: " + job);
        assertEquals(3, Fixtures.countAccounts(admin, unit), "re-importing an export updates, it does not copy");
    }

    @Test
    void aLargeImportSucceedsAndReportsProgress() {
        int rows = 20_000;
        String unit = Fixtures.createUnit(admin, "imp-large");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String[] countries = {"DE", "FR", "US", "GB", "JP", "BR"};
        String[] tiers = {"none", "key", "strategic"};
        for (int i = 0; i < rows; i++) {
            csv.append(unit).append(",Bulk Account ").append(i).append(',').append(countries[i % countries.length])
                    .append(",EUR,").append(1000 + i).append('.').append(i % 100).append(',')
                    .append(tiers[i % tiers.length]).append(",active\n");
        }
        Response accepted = admin.request("POST", "/accounts/import")
                .body("text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)).send().expect(202);
        String jobId = accepted.text("id");
        List<JsonObject> polls = new ArrayList<>();
        JsonObject job = admin.awaitJob(jobId, polls::add);

        assertEquals("succeeded", text(job, "state"), "the large import: " + job);
        assertEquals(rows, job.get("done").getAsLong(), "done: " + job);
        assertEquals(rows, job.get("total").getAsLong(), "total: " + job);
        for (JsonObject p : polls) {
            long total = p.get("total").getAsLong();
            long done = p.get("done").getAsLong();
            assertTrue(done >= 0 && (total < 0 || done <= total), "progress must stay within the total: " + p);
            assertTrue(Set.of("queued", "running", "succeeded", "failed").contains(text(p, "state")), "state: " + p);
        }
        assertEquals(rows, Fixtures.countAccounts(admin, unit), "every row stored");
        Response page = admin.get("/accounts?businessUnit=" + unit + "&q=Bulk+Account+19999").expect(200);
        assertEquals(Set.of("Bulk Account 19999"), names(page.items()), page.describe());
    }

    /** Posts a CSV import (asserting 202 with a job and its Location) and waits for the job to finish. */
    private static JsonObject runImport(String csv, String mode) {
        Response accepted = admin.request("POST", "/accounts/import" + (mode == null ? "" : "?mode=" + mode))
                .body("text/csv", csv.getBytes(StandardCharsets.UTF_8)).send();
        accepted.expect(202);
        String jobId = accepted.text("id");
        assertNotNull(jobId, "202 must answer the job: " + accepted.describe());
        assertNotNull(accepted.header("Location"), "202 must point at the job: " + accepted.describe());
        assertTrue(accepted.header("Location").endsWith("/api/v1/jobs/" + jobId), accepted.describe());
        JsonObject job = admin.awaitJob(jobId, j -> { });
        assertEquals("account-import", text(job, "type"), job.toString());
        assertNotNull(text(job, "finishedAt"), "a finished job has finishedAt: " + job);
        return job;
    }

    private static List<JsonObject> problems(JsonObject job) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : job.getAsJsonArray("problems")) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    private static Set<String> names(JsonArray accounts) {
        Set<String> names = new HashSet<>();
        for (JsonElement e : accounts) {
            names.add(text(e.getAsJsonObject(), "name"));
        }
        assertFalse(names.contains(null));
        return names.stream().collect(Collectors.toSet());
    }

    private static String text(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
