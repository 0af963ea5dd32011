package org.openkam.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * The retail plugin's sell-out import over HTTP into a fresh product at {@value ImportAndScoring#HEAP}: a year of
 * weekly sell-out for 50 stores x 40 SKUs (104,000 lines), then two years of new weeks (208,000 lines), each with
 * its time and peak resident memory. The first is the second's baseline: time should double, memory hold still.
 */
final class RetailImport {

    static final String UNIT = "bench-retail";
    static final int STORES = 50;
    static final int PRODUCTS = 40;
    static final int WEEKS = 52;
    private static final String TOOL = "bench: POST /api/v1/retail/units/{unit}/sell-out until its job succeeded";

    private final Options options;
    private final Path work;
    private final Table table;

    RetailImport(Options options, Path work, Table table) {
        this.options = options;
        this.work = work;
        this.table = table;
    }

    void run() throws Exception {
        Path dir = Files.createDirectories(work.resolve("retail"));
        try (Product product = new Product(options.product(), dir, options.productOpts())
                .javaOpts(ImportAndScoring.HEAP)) {
            product.start();
            Http api = product.api();
            List<String> gtins = setUp(api);
            Figures year = importWeeks(api, product, gtins, LocalDate.of(2025, 1, 6), WEEKS, dir);
            Figures twoYears = importWeeks(api, product, gtins, LocalDate.of(2030, 1, 7), 2 * WEEKS, dir);
            String heap = ImportAndScoring.HEAP;
            table.add(String.format("retail sell-out import of %,d lines (%d stores x %d SKUs x %d weeks, H2, CSV over "
                    + "HTTP, %s)", year.lines(), STORES, PRODUCTS, WEEKS, heap), Table.seconds(year.seconds()), "", "",
                    "", TOOL);
            table.add(String.format("peak resident memory during the retail import of %,d lines (%s)", year.lines(),
                    heap), Table.megabytes(year.peakKb()), "", "", "flat in the file's length", year.peakTool());
            table.add(String.format("retail sell-out import of %,d lines (%d weeks)", twoYears.lines(), 2 * WEEKS),
                    Table.seconds(twoYears.seconds()), Table.seconds(year.seconds()) + " for " + String.format(
                            "%,d", year.lines()), Table.ratio(twoYears.seconds(), year.seconds()), "", TOOL);
            table.add(String.format("peak resident memory during the retail import of %,d lines", twoYears.lines()),
                    Table.megabytes(twoYears.peakKb()), Table.megabytes(year.peakKb()) + " for " + String.format(
                            "%,d", year.lines()), Table.ratio(twoYears.peakKb(), year.peakKb()),
                    "flat in the file's length", twoYears.peakTool());
        }
    }

    private record Figures(long lines, double seconds, long peakKb, String peakTool) {
    }

    /** A unit with retail, a retailer with one banner and the stores, and the SKUs; returns their GTINs. */
    private static List<String> setUp(Http api) throws InterruptedException {
        api.post("/api/v1/business-units", "{\"id\":\"" + UNIT + "\",\"name\":\"Retail benchmark\"}", 201, 200);
        api.post("/api/v1/admin/configurations/factories/org.openkam.retail.settings",
                "{\"properties\":{\"businessUnit\":\"" + UNIT + "\"}}", 201);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Http.send(api.request("/api/v1/retail/units/" + UNIT + "/products").GET().build(), 200, 404)
                .statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("retail did not serve " + UNIT + " within 60 s");
            }
            Thread.sleep(100);
        }
        String retailer = api.post("/api/v1/accounts", "{\"businessUnit\":\"" + UNIT + "\",\"name\":\"Bench Mart\","
                + "\"country\":\"DE\",\"tier\":\"key\",\"status\":\"active\"}", 201).get("id").getAsString();
        String r = "/api/v1/retail/retailers/" + retailer;
        String banner = api.post(r + "/banners", "{\"name\":\"Bench Mart\",\"format\":\"supermarket\"}", 201)
                .get("id").getAsString();
        for (int s = 0; s < STORES; s++) {
            api.post(r + "/stores", "{\"bannerId\":\"" + banner + "\",\"code\":\"B" + s + "\",\"name\":\"Store " + s
                    + "\",\"region\":\"north\",\"acv\":" + (100 + s) + ",\"pcv\":10}", 201);
        }
        List<String> gtins = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            String gtin = gtin(p);
            api.post("/api/v1/retail/units/" + UNIT + "/products", "{\"gtin\":\"" + gtin + "\",\"name\":\"SKU " + p
                    + "\",\"brand\":\"Bench\",\"listPrice\":2.5,\"cost\":1.2}", 201);
            gtins.add(gtin);
        }
        return gtins;
    }

    private Figures importWeeks(Http api, Product product, List<String> gtins, LocalDate first, int weeks, Path dir)
            throws IOException, InterruptedException {
        Path csv = dir.resolve("sell-out-" + weeks + ".csv");
        long lines = 0;
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("store,gtin,week,volume,value\n");
            for (int w = 0; w < weeks; w++) {
                String week = first.plusWeeks(w).toString();
                for (int s = 0; s < STORES; s++) {
                    for (String gtin : gtins) {
                        int volume = 5 + (s + w) % 20;
                        out.write("B" + s + "," + gtin + "," + week + "," + volume + "," + volume * 3 + ".5\n");
                        lines++;
                    }
                }
            }
        }
        boolean reset = Resident.resetPeak(product.pid());
        long t = System.nanoTime();
        JsonObject job = api.postFile("/api/v1/retail/units/" + UNIT + "/sell-out", "text/csv", csv, 202);
        JsonObject done = api.awaitJob(job.get("id").getAsString(), options.importBudget());
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = Resident.peak(product.pid());
        Files.delete(csv);
        if (!done.get("state").getAsString().equals("succeeded")) {
            throw new IllegalStateException("the retail import of " + lines + " lines did not succeed: " + done);
        }
        return new Figures(lines, seconds, peak, reset ? "VmHWM of /proc/PID/status, reset before the import"
                : "VmHWM of /proc/PID/status since the start (could not reset)");
    }

    /** A GTIN-13 with its check digit. */
    static String gtin(int n) {
        String body = String.format("400987%06d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }
}
