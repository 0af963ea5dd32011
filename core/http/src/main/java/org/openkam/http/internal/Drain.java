package org.openkam.http.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openkam.http.api.Json;
import org.openkam.http.api.Problem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first step of a shutdown. The framework announces its stop (the system bundle's STOPPING event, delivered
 * synchronously before any bundle stops); from then on every new request gets a 503 problem with
 * {@code Connection: close}, and the requests in flight get a bounded time to finish while the registry, the
 * database and the plugins are all still there. Only then do the start levels go down: Jetty, alone at the
 * highest, stops accepting first, and the registry closes the database last.
 */
@Component(service = Preprocessor.class, configurationPid = Drain.PID)
@Designate(ocd = Drain.Config.class)
public final class Drain implements Preprocessor, SynchronousBundleListener {

    @ObjectClassDefinition(name = "OpenKAM shutdown", description = "How a stopping node treats its requests")
    public @interface Config {
        @AttributeDefinition(name = "Drain time (ms)", description = "Once shutdown has begun, how long requests in "
                + "flight may take to finish before the node stops anyway (streams still running are then cut off "
                + "and the client sees the failure)", min = "0")
        long drain_millis() default 10_000;
    }

    static final String PID = "org.openkam.http.shutdown";
    private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
    private final BundleContext context;
    private final long drainMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private final byte[] refusal;
    private volatile boolean draining;

    @Activate
    public Drain(BundleContext context, Config config) {
        this.context = context;
        this.drainMillis = config.drain_millis();
        this.refusal = Json.create().toJson(Problem.of(503, "unavailable", "Service unavailable",
                "this OpenKAM node is shutting down; send the request again (to another node)"))
                .getBytes(StandardCharsets.UTF_8);
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException stopping) {
            // the framework is stopping: listeners go with it
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
            drain();
        }
    }

    /** Refuses new requests and waits, within the drain time, until no request is in flight. */
    void drain() {
        draining = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        LOG.info("Shutting down: new requests are refused; waiting up to {} ms for {} request(s) in flight",
                drainMillis, inFlight.get());
        synchronized (idle) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int left = inFlight.get();
        if (left > 0) {
            LOG.warn("Shutting down with {} request(s) still in flight after {} ms; they are cut off", left,
                    drainMillis);
        } else {
            LOG.info("Shutting down: no request in flight");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // counted before the check: either drain() sees this request in flight or the request sees draining
        inFlight.incrementAndGet();
        try {
            if (draining) {
                refuse((HttpServletResponse) response);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            if (inFlight.decrementAndGet() == 0 && draining) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setHeader("Connection", "close");
        response.setHeader("Retry-After", "5");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }
}
