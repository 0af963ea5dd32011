package org.openkam.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openkam.bench.hello.HelloBundle;

/**
 * Requests/s and p50/p99 of three API reads with 32 connections on the demo data, against the hello servlet dropped
 * into the same running product (same Jetty, same JVM, same servlet context and API-token check), once the product
 * has finished what the demo set going in the background.
 */
final class ApiLoad {

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
