package org.openkam.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads of the benchmark unit once it holds every imported account, as a key account manager's list and an
 * administrator's export meet it: a unit's size must not show in a page, and an export streams.
 */
final class LargeUnitReads {

    private static final int PAGES = 9;

    private final Table table;

    LargeUnitReads(Table table) {
        this.table = table;
    }

    void run(Http api, String count) throws InterruptedException {
        // pages followed by their cursors: each is a query of its own (H2 answers a repeated one from a result cache)
        double[] millis = new double[PAGES];
        String cursor = null;
        for (int i = 0; i < PAGES; i++) {
            String path = "/api/v1/accounts?businessUnit=" + ImportAndScoring.UNIT + "&limit=50"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            long t = System.nanoTime();
            JsonObject page = api.get(path);
            millis[i] = (System.nanoTime() - t) / 1e6;
            JsonElement next = page.get("nextCursor");
            cursor = next == null || next.isJsonNull() ? null : next.getAsString();
        }
        table.add("a page of 50 accounts by name in the unit of " + count + " accounts (p50 of " + PAGES
                + " pages, each after the last)", Table.millis(Stats.median(millis)), "", "",
                "list of 50 p50 <= 15 ms", "bench: GET /api/v1/accounts?businessUnit=...&limit=50, then its cursors");

        keyAccounts(api, count);
        portfolio(api, count);

        HttpRequest export = api.request("/api/v1/accounts/export?businessUnit=" + ImportAndScoring.UNIT)
                .timeout(Duration.ofMinutes(30)).GET().build();
        long t = System.nanoTime();
        long bytes = 0;
        double first;
        try (InputStream in = Http.CLIENT.send(export, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            if (in.read() < 0) {
                throw new IllegalStateException("the export answered nothing");
            }
            first = (System.nanoTime() - t) / 1e6;
            byte[] buffer = new byte[65_536];
            bytes = 1;
            for (int n; (n = in.read(buffer)) >= 0;) {
                bytes += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double all = (System.nanoTime() - t) / 1e9;
        table.add("CSV export of the unit's " + count + " accounts (" + String.format("%,d", bytes / 1_000_000)
                + " MB): first byte / all", Table.millis(first) + " / " + Table.seconds(all), "", "", "",
                "bench: GET /api/v1/accounts/export?businessUnit=...");
    }

    /** The unit's key accounts by name, the list a key account manager opens most: a few among very many. */
    private void keyAccounts(Http api, String count) {
        String path = "/api/v1/accounts?businessUnit=" + ImportAndScoring.UNIT + "&tier=key&limit=50";
        double[] millis = new double[5];
        int found = 0;
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            found = api.get(path).getAsJsonArray("items").size();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        table.add("a page of the unit's key accounts by name (" + found + " of " + count + " accounts, p50 of "
                + millis.length + ")", Table.millis(Stats.median(millis)), "", "", "list of 50 p50 <= 15 ms",
                "bench: GET /api/v1/accounts?businessUnit=...&tier=key&limit=50");
    }

    /** The unit's portfolio a page at a time, and its movers, as the console's portfolio and dashboard read them. */
    private void portfolio(Http api, String count) {
        String base = "/api/v1/scoring/portfolio?model=weighted-criteria&businessUnit=" + ImportAndScoring.UNIT;
        long t = System.nanoTime();
        JsonObject page = api.get(base);
        double first = (System.nanoTime() - t) / 1e6;
        double[] next = new double[3];
        for (int i = 0; i < next.length; i++) {
            JsonElement cursor = page.get("nextCursor");
            if (cursor == null || cursor.isJsonNull()) {
                throw new IllegalStateException("the portfolio ended after " + (i + 1) + " page(s)");
            }
            t = System.nanoTime();
            page = api.get(base + "&cursor=" + URLEncoder.encode(cursor.getAsString(), StandardCharsets.UTF_8));
            next[i] = (System.nanoTime() - t) / 1e6;
        }
        table.add("a page of 500 of the portfolio of the unit of " + count + " accounts (weighted model): the first, "
                + "counting the unit / the next (p50 of " + next.length + ")", Table.millis(first) + " / "
                + Table.millis(Stats.median(next)), "", "", "", "bench: GET /api/v1/scoring/portfolio?businessUnit=...,"
                + " then its cursors");
        t = System.nanoTime();
        api.get(base + "&order=movement&limit=8");
        table.add("the 8 accounts of the unit of " + count + " accounts that moved most since the run before",
                Table.millis((System.nanoTime() - t) / 1e6), "", "", "", "bench: GET /api/v1/scoring/portfolio?"
                        + "businessUnit=...&order=movement&limit=8");
    }
}
