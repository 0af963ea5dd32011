package org.openkam.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openkam.bench.hello.HelloBundle;

/**
 * Requests/s and p50/p99 of three API reads with 32 connections on the demo data, against the hello servlet dropped
 * into the same running product (same Jetty, same JVM, same servlet context and API-token check), once the product
 * has finished what the demo set going in the background; then the list of 50 right after a restart.
 */
final class ApiLoad {

    private static final int RESTART_WINDOWS = 6;

    private final Options options;
    private final Table table;

    ApiLoad(Options options, Table table) {
        this.options = options;
        this.table = table;
    }

    void run(Product product) throws Exception {
        product.awaitOutput(Duration.ofMinutes(5), "Demo data loaded", "Demo data could not be loaded");
        long idle = product.awaitIdle(Duration.ofMinutes(5));
        System.out.println(idle < 0 ? "[bench] the product was still busy after 5 min; measuring anyway"
                : "[bench] the product was idle " + idle + " ms after the demo data loaded");
        Path deployed = HelloBundle.write(product.home().resolve("deploy/bench-hello.jar"));
        Http api = product.api();
        String hello = product.base() + HelloBundle.PATH;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Http.status(api.request(HelloBundle.PATH).GET().build()) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hello bundle in deploy/ was not served: " + deployed);
            }
            Product.sleep(100);
        }
        String id = api.get("/api/v1/accounts?tier=strategic&limit=1").getAsJsonArray("items").get(0)
                .getAsJsonObject().get("id").getAsString();
        Load load = new Load(32, options.warmUp(), options.measure());
        Load.Result baseline = load.run(hello, api.bearer()); // through the product's context and token check
        String base = product.base() + "/api/v1";
        figure(load, baseline, "GET /api/v1/accounts/{id}", base + "/accounts/" + id, api.bearer(), "p99 <= 10 ms");
        String list = "GET /api/v1/accounts?limit=50 (a list of 50)";
        Load.Result listed = figure(load, baseline, list, base + "/accounts?limit=50", api.bearer(), "p50 <= 15 ms");
        // how much of the list's cost is moving its bytes: the hello servlet answering as many
        int size = Http.send(api.request("/api/v1/accounts?limit=50").GET().build(), 200).body()
                .getBytes(StandardCharsets.UTF_8).length;
        Load.Result sized = load.run(hello + "?bytes=" + size, api.bearer());
        table.add(list + ": requests/s against a hello answer of its " + Table.count(size) + " bytes",
                Table.perSecond(listed.requestsPerSecond()),
                Table.perSecond(sized.requestsPerSecond()) + " hello servlet, " + Table.count(size) + " bytes",
                Table.ratio(listed.requestsPerSecond(), sized.requestsPerSecond()), "", load.tool());
        figure(load, baseline, "GET /api/v1/accounts/{id}/overview", base + "/accounts/" + id + "/overview",
                api.bearer(), "p50 <= 20 ms");
        Files.deleteIfExists(deployed);
        restartedUnderLoad(product, base + "/accounts?limit=50", listed);
    }

    /**
     * The list of 50 right after a restart on the same data, loaded from the first moment: requests/s in consecutive
     * windows against the steady state measured before. A JIT that falls behind under load shows here and nowhere
     * else in this table (the figures above come after warm-up).
     */
    private void restartedUnderLoad(Product product, String url, Load.Result steady) {
        product.close();
        product.demo(false).start();
        String bearer = product.api().bearer();
        long seconds = options.measure().toSeconds();
        Load window = new Load(32, Duration.ZERO, options.measure());
        List<String> rates = new ArrayList<>();
        int firstAtSteadyState = 0; // the first window at 0.8x of the steady state or more, counted from 1
        for (int i = 1; i <= RESTART_WINDOWS; i++) {
            double rate = window.run(url, bearer).requestsPerSecond();
            rates.add(Table.count(Math.round(rate)));
            if (firstAtSteadyState == 0 && rate >= 0.8 * steady.requestsPerSecond()) {
                firstAtSteadyState = i;
            }
        }
        String reached = firstAtSteadyState == 0 ? "under 0.8x of it for " + RESTART_WINDOWS * seconds + " s"
                : ">= 0.8x of it in the window ending " + firstAtSteadyState * seconds + " s in";
        table.add("GET /api/v1/accounts?limit=50 (a list of 50) right after a restart on existing data, under load at "
                + "once: requests/s in windows of " + seconds + " s", String.join(" / ", rates) + " /s",
                Table.perSecond(steady.requestsPerSecond()) + " steady state (above)", reached, "", window.tool());
    }

    private Load.Result figure(Load load, Load.Result baseline, String name, String url, String bearer,
            String target) {
        Load.Result r = load.run(url, bearer);
        table.add(name + ": requests/s", Table.perSecond(r.requestsPerSecond()),
                Table.perSecond(baseline.requestsPerSecond()) + " hello servlet",
                Table.ratio(r.requestsPerSecond(), baseline.requestsPerSecond()), ">= 0.5x hello servlet", load.tool());
        table.add(name + ": p50 / p99", Load.latencies(r), Load.latencies(baseline) + " hello servlet",
                Table.ratio(r.p50Millis(), baseline.p50Millis()) + " (p50)", target, load.tool());
        return r;
    }
}
