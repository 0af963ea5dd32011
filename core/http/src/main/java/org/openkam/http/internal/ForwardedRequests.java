package org.openkam.http.internal;

import java.io.IOException;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.Preprocessor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Requests through a trusted reverse proxy: its {@code X-Forwarded-Proto} says whether the client used HTTPS (so the
 * session cookie is {@code Secure}) and its {@code X-Forwarded-For} names the client (so sign-in throttling and the
 * audit trail see the client, not the proxy). Anyone else's forwarding headers are ignored, or a client could
 * claim any address.
 */
@Component(service = Preprocessor.class, configurationPid = ForwardedRequests.PID)
@Designate(ocd = ForwardedRequests.Config.class)
public final class ForwardedRequests implements Preprocessor {

    static final String PID = "org.openkam.http.proxy";

    @ObjectClassDefinition(name = "OpenKAM reverse proxy", description = "The reverse proxies in front of OpenKAM "
            + "that are trusted to say the client's address and whether it used HTTPS")
    public @interface Config {
        @AttributeDefinition(name = "Trusted proxies", description = "IP addresses of the proxies whose "
                + "X-Forwarded-For and X-Forwarded-Proto headers are believed; none: such headers are ignored",
                required = false)
        String[] trusted_proxies() default {};
    }

    private final Set<String> trusted;

    @Activate
    public ForwardedRequests(Config config) {
        this.trusted = Set.of(config.trusted_proxies());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!trusted.isEmpty() && request instanceof HttpServletRequest http && trusted.contains(http.getRemoteAddr())) {
            chain.doFilter(new Forwarded(http, trusted), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A request as the proxy received it. */
    private static final class Forwarded extends HttpServletRequestWrapper {
        private final boolean https;
        private final String client;

        Forwarded(HttpServletRequest request, Set<String> trusted) {
            super(request);
            String proto = request.getHeader("X-Forwarded-Proto");
            this.https = proto == null ? request.isSecure() : proto.split(",")[0].strip().equalsIgnoreCase("https");
            this.client = client(request.getHeader("X-Forwarded-For"), trusted, request.getRemoteAddr());
        }

        /** The nearest address in the chain that is not a trusted proxy: the one the proxies could not be told. */
        private static String client(String forwardedFor, Set<String> trusted, String proxy) {
            if (forwardedFor == null || forwardedFor.isBlank()) {
                return proxy;
            }
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty() && !trusted.contains(hop)) {
                    return hop;
                }
            }
            return proxy;
        }

        @Override
        public boolean isSecure() {
            return https;
        }

        @Override
        public String getScheme() {
            return https ? "https" : "http";
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
