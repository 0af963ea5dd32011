import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints latency and throughput figures for the API of a running OpenKAM with demo data. Every figure
 * stands beside a baseline measured in the same run (GET /health, which does almost nothing), so runs
 * on a busy machine can still be compared. Never a pass/fail.
 *
 * Usage: java Bench.java http://127.0.0.1:8080 admin <password> [requests per endpoint]
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String login = "{\"username\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}";
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = field(session.body(), "csrfToken");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String bearer = "Bearer " + field(token.body(), "token");
        String list = "";
        for (int tries = 0; !list.contains("\"id\"") && tries < 600; tries++) { // demo data may still load
            Thread.sleep(tries == 0 ? 0 : 100);
            list = http.send(get(base + "/api/v1/accounts?tier=strategic&limit=1", bearer),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        String accountId = field(list, "id");

        List<String[]> endpoints = new ArrayList<>();
        endpoints.add(new String[] {"baseline GET /health", base + "/health"});
        endpoints.add(new String[] {"GET /api/v1/accounts/{id}", base + "/api/v1/accounts/" + accountId});
        endpoints.add(new String[] {"GET /api/v1/accounts?limit=50", base + "/api/v1/accounts?limit=50"});
        endpoints.add(new String[] {"GET /api/v1/accounts?q=retail&sort=-annualSales",
                base + "/api/v1/accounts?q=retail&sort=-annualSales"});
        String overview = base + "/api/v1/accounts/" + accountId + "/overview";
        if (http.send(get(overview, bearer), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            endpoints.add(new String[] {"GET /api/v1/accounts/{id}/overview", overview});
        }
        System.out.printf("%-48s %8s %8s %8s %10s%n", "endpoint (" + requests + " requests, 4 clients)", "p50 ms",
                "p95 ms", "p99 ms", "req/s");
        for (String[] e : endpoints) {
            run(http, e[0], get(e[1], bearer), requests / 5, false); // warm-up
            run(http, e[0], get(e[1], bearer), requests, true);
        }
    }

    private static void run(HttpClient http, String name, HttpRequest request, int n, boolean print) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> futures = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(name + " answered " + r.statusCode());
                }
                return System.nanoTime() - t;
            }));
        }
        List<Long> latencies = new ArrayList<>(n);
        for (Future<Long> f : futures) {
            latencies.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (print) {
            Collections.sort(latencies);
            System.out.printf("%-48s %8.2f %8.2f %8.2f %10.0f%n", name, pct(latencies, 50), pct(latencies, 95),
                    pct(latencies, 99), n / seconds);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static HttpRequest get(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET().build();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
