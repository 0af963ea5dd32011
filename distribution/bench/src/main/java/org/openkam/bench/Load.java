package org.openkam.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load on one URL with a fixed number of connections: wrk when it is on the PATH, otherwise a Java
 * generator of our own (one thread per connection, each sending its next request when the last one answered).
 */
final class Load {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis) {
    }

    private final int connections;
    private final Duration warmUp;
    private final Duration measure;
    private final String wrk;

    /** wrk when it is on the PATH, else the Java generator. */
    Load(int connections, Duration warmUp, Duration measure) {
        this(connections, warmUp, measure, onPath("wrk"));
    }

    private Load(int connections, Duration warmUp, Duration measure, String wrk) {
        this.connections = connections;
        this.warmUp = warmUp;
        this.measure = measure;
        this.wrk = wrk;
    }

    /** The Java generator even where wrk is installed. */
    static Load javaGenerator(int connections, Duration warmUp, Duration measure) {
        return new Load(connections, warmUp, measure, null);
    }

    String tool() {
        return wrk != null ? "wrk, " + connections + " connections" : "Java load generator (no wrk on the PATH), "
                + connections + " connections";
    }

    /** After {@code warmUp} (none if zero), one measurement of {@code measure}. */
    Result run(String url, String authorization) {
        check(url, authorization);
        if (wrk != null) {
            if (!warmUp.isZero()) {
                wrk(url, authorization, warmUp);
            }
            return wrk(url, authorization, measure);
        }
        if (!warmUp.isZero()) {
            java(url, authorization, warmUp);
        }
        return java(url, authorization, measure);
    }

    /** One request first: a load of error answers would measure nothing useful. */
    private static void check(String url, String authorization) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        Http.send(r.build(), 200);
    }

    private Result wrk(String url, String authorization, Duration time) {
        List<String> command = new ArrayList<>(List.of(wrk, "-t", "2", "-c", Integer.toString(connections), "-d",
                time.toSeconds() + "s", "--latency"));
        if (authorization != null) {
            command.addAll(List.of("-H", "Authorization: " + authorization));
        }
        command.add(url);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            if (out.contains("Non-2xx")) {
                throw new IllegalStateException("wrk saw error answers from " + url + ":\n" + out);
            }
            return new Result(number(out, "Requests/sec:\\s+([0-9.]+)"), wrkLatency(out, "50%"), wrkLatency(out, "99%"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double wrkLatency(String out, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private Result java(String url, String authorization, Duration time) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest request = b.build();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + time.toNanos();
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            int slot = i;
            threads[i] = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    while (System.nanoTime() < end && failure.get() == null) {
                        long t = System.nanoTime();
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + r.statusCode());
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t;
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException(e.toString(), e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                latencies[slot] = mine;
                counts[slot] = n;
            }, "load-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < connections; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(all.length / seconds, Stats.percentile(all, 50) / 1e6, Stats.percentile(all, 99) / 1e6);
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, program);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    static String latencies(Result r) {
        return String.format(Locale.ROOT, "%s / %s", Table.millis(r.p50Millis()), Table.millis(r.p99Millis()));
    }
}
