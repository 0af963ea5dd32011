package org.openkam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.openkam.bench.hello.HelloBundle;

/**
 * The start-up baseline: Felix with only SCR, ConfigAdmin and the Jetty bundle (with what it needs to resolve: the
 * servlet API, commons-fileupload and -io, the OSGi function/promise APIs, and slf4j with logback and its fragment
 * at start level 1 as in the product) serving the hello servlet. Every jar comes from the built product's folders.
 */
final class HelloRuntime implements AutoCloseable {

    /** Name prefixes of the product's system/ jars the baseline runs. */
    static final List<String> BUNDLES = List.of("org.apache.felix.scr-", "org.apache.felix.configadmin-",
            "org.apache.felix.http.jetty12-", "org.apache.felix.http.servlet-api-", "commons-fileupload-",
            "commons-io-", "org.osgi.util.function-", "org.osgi.util.promise-", "org.osgi.service.component-");

    private final Path home;
    private final int port = Http.freePort();
    private Process process;

    HelloRuntime(Path dist, Path dir) {
        this.home = dir;
        try {
            Files.createDirectories(home.resolve("bin"));
            Files.copy(dist.resolve("bin/felix.jar"), home.resolve("bin/felix.jar"));
            Product.copy(dist.resolve("system/boot"), home.resolve("system/boot"));
            Path bundles = Files.createDirectories(home.resolve("bundles"));
            // the HTTP server lives in system/http/ (its own start level in the product)
            for (Path folder : List.of(dist.resolve("system"), dist.resolve("system/http"))) {
                try (Stream<Path> jars = Files.list(folder)) {
                    for (Path jar : (Iterable<Path>) jars::iterator) {
                        String name = jar.getFileName().toString();
                        if (Files.isRegularFile(jar) && BUNDLES.stream().anyMatch(name::startsWith)) {
                            Files.copy(jar, bundles.resolve(name));
                        }
                    }
                }
            }
            HelloBundle.write(bundles.resolve("hello.jar"));
            Properties product = new Properties();
            try (var in = Files.newInputStream(dist.resolve("etc/config.properties"))) {
                product.load(in);
            }
            Properties config = new Properties();
            config.setProperty("org.osgi.framework.storage", home.resolve("cache").toString());
            config.setProperty("org.osgi.framework.storage.clean", "onFirstInit");
            config.setProperty("org.osgi.framework.startlevel.beginning", "2");
            config.setProperty("felix.startlevel.bundle", "2");
            for (String level1 : List.of("felix.auto.start.1", "felix.auto.install.1")) {
                config.setProperty(level1, product.getProperty(level1));
            }
            config.setProperty("felix.auto.deploy.dir", bundles.toString());
            config.setProperty("felix.auto.deploy.action", "install,start");
            config.setProperty("felix.auto.deploy.startlevel", "2");
            config.setProperty("felix.log.level", "1");
            config.setProperty("org.osgi.service.http.port", Integer.toString(port));
            try (var out = Files.newOutputStream(home.resolve("config.properties"))) {
                config.store(out, "hello-servlet baseline runtime of the benchmark");
            }
            Files.writeString(home.resolve("logback.xml"), "<configuration><appender name=\"out\" "
                    + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%msg%n</pattern></encoder>"
                    + "</appender><root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Launches the runtime; returns the ms until the hello servlet first answers 200. */
    double start() {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfelix.config.properties=" + home.resolve("config.properties").toUri(),
                "-Dlogback.configurationFile=" + home.resolve("logback.xml"), "-jar", "bin/felix.jar")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HelloBundle.PATH))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long launched = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = launched + Duration.ofSeconds(60).toNanos();
        while (Http.status(hello) != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the hello runtime did not serve " + HelloBundle.PATH
                        + "; see " + home.resolve("console.log"));
            }
            Product.sleep(10);
        }
        return (System.nanoTime() - launched) / 1e6;
    }

    @Override
    public void close() {
        Product.stop(process, 30);
    }
}
