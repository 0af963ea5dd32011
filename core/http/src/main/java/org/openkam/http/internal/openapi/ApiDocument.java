package org.openkam.http.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.web.OpenApiContribution;
import org.openkam.http.internal.Route;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The API description served at {@code /api/v1/openapi.json}: the core document shipped in this bundle merged
 * with the fragment of every registered {@link OpenApiContribution}, then made the description of the live routes
 * ({@link RouteOperations}): every route served gets an operation, generated from its declaration under the
 * fragments' words, and a documented operation no route serves is left out. The merged bytes are kept until the
 * contributions or the routes change; the next request builds them again. A refused fragment is logged with its
 * bundle and left out, so a broken plugin costs its own words only.
 */
@Component(service = ApiDocument.class)
public final class ApiDocument {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDocument.class);
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    /**
     * The document as served.
     *
     * @param json the merged document, UTF-8
     * @param etag a strong entity tag of {@code json}
     * @param refused why contributions were left out, by their source (bundle and service)
     */
    public record Served(byte[] json, String etag, Map<String, List<String>> refused) {
    }

    /** A registered contribution and where it comes from, for the log. */
    private record Contributor(String source, OpenApiContribution contribution) {
    }

    private final JsonObject core;
    /** By service id: the oldest service first, so the earlier registration keeps what it has. */
    private final TreeMap<Long, Contributor> contributors = new TreeMap<>();
    /** The routes the dispatcher serves now. */
    private List<Route> routes = List.of();
    private Served served;

    @Activate
    public ApiDocument() {
        this(coreDocument());
    }

    ApiDocument(byte[] coreDocument) {
        this.core = JsonParser.parseString(new String(coreDocument, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContribution(OpenApiContribution contribution, ServiceReference<OpenApiContribution> reference) {
        add((Long) reference.getProperty(Constants.SERVICE_ID), source(reference), contribution);
    }

    void removeContribution(ServiceReference<OpenApiContribution> reference) {
        remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    public synchronized void add(long serviceId, String source, OpenApiContribution contribution) {
        contributors.put(serviceId, new Contributor(source, contribution));
        served = null;
    }

    public synchronized void remove(long serviceId) {
        if (contributors.remove(serviceId) != null) {
            served = null;
        }
    }

    /** The routes served from now on; the document describes exactly these. */
    public synchronized void routes(List<Route> live) {
        routes = List.copyOf(live);
        served = null;
    }

    /** The merged document, built now if the contributions or routes changed since the last build. */
    public synchronized Served current() {
        if (served == null) {
            served = build();
        }
        return served;
    }

    private Served build() {
        OpenApiMerge merge = new OpenApiMerge(core);
        Map<String, List<String>> refused = new LinkedHashMap<>();
        for (Contributor c : contributors.values()) {
            List<String> problems;
            try {
                problems = merge.add(Fragments.read(c.contribution()));
            } catch (Exception | LinkageError e) {
                // whatever a plugin's code or resource does wrong, the document goes on without it
                problems = List.of("cannot read the fragment: " + (e.getMessage() == null ? e : e.getMessage()));
            }
            if (!problems.isEmpty()) {
                refused.put(c.source(), problems);
                LOG.warn("The API description of {} is left out of /api/v1/openapi.json: {}", c.source(),
                        String.join("; ", problems));
            }
        }
        JsonObject document = merge.document();
        RouteOperations.describe(document, routes);
        byte[] json = GSON.toJson(document).getBytes(StandardCharsets.UTF_8);
        return new Served(json, etag(json), Collections.unmodifiableMap(refused));
    }

    private static String source(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        String name = bundle == null ? "an unregistered bundle"
                : bundle.getSymbolicName() + " " + bundle.getVersion();
        return name + " (service " + reference.getProperty(Constants.SERVICE_ID) + ")";
    }

    private static String etag(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The base OpenAPI 3.1 document shipped in this bundle: the server, security schemes and the components every
     * description may reference; the routes' fragments add the paths.
     */
    public static byte[] coreDocument() {
        try (InputStream in = ApiDocument.class.getResourceAsStream("/openapi-base.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-base.json is missing from the http bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
