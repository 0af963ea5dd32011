package org.openkam.console.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.NotFoundException;
import org.openkam.api.configuration.ConfigurationUptake;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.persistence.Database;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.RouteTable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Platform administration under {@code /api/v1/admin}, for global administrators only: the installed bundles
 * ({@code /admin/bundles}) and the configurations of every component described with metatype
 * ({@code /admin/configurations}), described by the fragment {@value #FRAGMENT}.
 */
@Component(configurationPid = AdminApi.PID)
@Designate(ocd = AdminApi.Config.class)
public final class AdminApi implements ApiRoutes {

    static final String PID = "org.openkam.console.admin";
    static final String FRAGMENT = "/OSGI-INF/openkam/admin-openapi.json";

    @ObjectClassDefinition(name = "OpenKAM platform administration",
            description = "Bundles and configurations managed from the console")
    public @interface Config {

        @AttributeDefinition(name = "Largest bundle upload (MB)", description = "Bundle jars above this size are "
                + "refused with 413", min = "1")
        int upload_max_megabytes() default 64;
    }

    private final Bundles bundles;
    private final Configurations configurations;
    private final AdminAudit audit;

    @Activate
    public AdminApi(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
            @Reference MetaTypeService metatypes, @Reference BusinessUnits units, @Reference Database database,
            @Reference ConfigurationUptake uptake, Config config) {
        this(new Bundles(context, config.upload_max_megabytes() * 1024L * 1024L, uploads(context),
                Bundles.fileInstallFolder(context.getProperty("felix.fileinstall.dir"), "deploy")),
                new Configurations(context, configurationAdmin, metatypes, units, uptake,
                        Bundles.fileInstallFolder(context.getProperty("felix.fileinstall.dir"), "etc")),
                new AdminAudit(database));
    }

    AdminApi(Bundles bundles, Configurations configurations, AdminAudit audit) {
        this.bundles = bundles;
        this.configurations = configurations;
        this.audit = audit;
    }

    @Override
    public InputStream openApi() {
        return AdminApi.class.getResourceAsStream(FRAGMENT);
    }

    private static Path uploads(BundleContext context) {
        java.io.File data = context.getDataFile("uploads");
        return data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "openkam-uploads");
    }

    /** Every administration route; the fragment {@value #FRAGMENT} describes each (a test checks). */
    @Override
    public void define(RouteTable router) {
        router.add("GET", "/admin/bundles", Operation.of().restricted(), ex -> {
            admin(ex);
            return Map.of("items", bundles.list());
        });
        router.add("POST", "/admin/bundles", ex -> {
            admin(ex);
            Bundles.Outcome installed = bundles.install(jar(ex));
            audit.bundle(ex.caller(), null, installed.bundle()); // installed, even where it did not start
            return outcome(ex, installed, 201);
        });
        router.add("GET", "/admin/bundles/{id}", Operation.of().restricted(), ex -> {
            admin(ex);
            return bundles.get(id(ex));
        });
        router.add("PUT", "/admin/bundles/{id}", ex -> {
            admin(ex);
            long id = id(ex);
            Bundles.View before = bundles.get(id);
            Bundles.Outcome updated = bundles.update(id, jar(ex));
            audit.bundle(ex.caller(), before, updated.bundle());
            return outcome(ex, updated, 200);
        });
        router.add("DELETE", "/admin/bundles/{id}", ex -> {
            admin(ex);
            Bundles.View before = bundles.get(id(ex));
            bundles.uninstall(before.id());
            audit.bundle(ex.caller(), before, null);
            ex.status(204);
            return null;
        });
        router.add("POST", "/admin/bundles/{id}/start", ex -> {
            admin(ex);
            Bundles.View before = bundles.get(id(ex));
            Bundles.Outcome started = bundles.startBundle(before.id());
            audit.bundle(ex.caller(), before, started.bundle());
            return outcome(ex, started, 200);
        });
        router.add("POST", "/admin/bundles/{id}/stop", ex -> {
            admin(ex);
            Bundles.View before = bundles.get(id(ex));
            Bundles.View after = bundles.stop(before.id());
            audit.bundle(ex.caller(), before, after);
            return after;
        });

        router.add("GET", "/admin/configurations", Operation.of().restricted(), ex -> {
            admin(ex);
            return Map.of("items", configurations.list());
        });
        router.add("GET", "/admin/configurations/{pid}", Operation.of().restricted(), ex -> {
            admin(ex);
            return configurations.form(ex.path("pid"));
        });
        router.add("PUT", "/admin/configurations/{pid}", Operation.of().jsonBody(), ex -> {
            admin(ex);
            String pid = ex.path("pid");
            JsonObject properties = properties(ex);
            Map<String, List<String>> before = stored(pid);
            Configurations.Instance written = configurations.write(ex.caller(), pid, properties);
            audit.configuration(ex.caller(), written.pid(), before, written.properties(), passwords(pid));
            return written;
        });
        router.add("DELETE", "/admin/configurations/{pid}", ex -> {
            admin(ex);
            String pid = ex.path("pid");
            Map<String, List<String>> before = stored(pid);
            Set<String> passwords = passwords(pid);
            configurations.delete(pid);
            audit.configuration(ex.caller(), pid, before, null, passwords);
            ex.status(204);
            return null;
        });
        router.add("POST", "/admin/configurations/factories/{factoryPid}", Operation.of().jsonBody(), ex -> {
            admin(ex);
            JsonObject properties = properties(ex);
            Configurations.Instance created = configurations.createFactory(ex.caller(), ex.path("factoryPid"),
                    properties);
            audit.configuration(ex.caller(), created.pid(), null, created.properties(),
                    passwords(ex.path("factoryPid")));
            ex.header("Location", ex.apiUrl("/admin/configurations/" + created.pid()));
            ex.status(201);
            return created;
        });
    }

    /** The stored properties of a configuration, or {@code null} if there is none (or no definition). */
    private Map<String, List<String>> stored(String pid) throws IOException {
        try {
            return configurations.form(pid).configurations().stream().filter(c -> c.pid().equals(pid))
                    .map(Configurations.Instance::properties).findFirst().orElse(null);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The attributes the PID's definition types as passwords. */
    private Set<String> passwords(String pid) throws IOException {
        try {
            return configurations.form(pid).attributes().stream().filter(a -> a.type().equals("password"))
                    .map(Configurations.Attribute::id).collect(Collectors.toSet());
        } catch (NotFoundException e) {
            return Set.of();
        }
    }

    private static void admin(Exchange ex) {
        if (!ex.caller().admin()) {
            throw new AccessDeniedException("platform administration needs the global admin role");
        }
    }

    private static long id(Exchange ex) {
        try {
            return Long.parseLong(ex.path("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("id", "must be a bundle id (a whole number)");
        }
    }

    /** The request body as a bundle jar stream; other media types are refused. */
    private static InputStream jar(Exchange ex) throws IOException {
        String type = ex.request().getContentType();
        String base = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("application/java-archive") && !base.equals("application/octet-stream")
                && !base.equals("application/x-java-archive")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the bundle jar itself as the body, as application/java-archive or application/octet-stream"));
        }
        return ex.request().getInputStream();
    }

    /** A bundle after an action: 201/200 with it, or the problem that it did not start (it stays installed). */
    private static Object outcome(Exchange ex, Bundles.Outcome outcome, int status) {
        ex.header("Location", ex.apiUrl("/admin/bundles/" + outcome.bundle().id()));
        if (outcome.problem() != null) {
            throw new ProblemException(outcome.problem());
        }
        ex.status(status);
        return outcome.bundle();
    }

    /** The body's {@code properties} object, read strictly by the kit (exact media type, RFC 8259, no duplicates). */
    private static JsonObject properties(Exchange ex) throws IOException {
        JsonElement properties = ex.body().value("properties");
        if (properties == null || !properties.isJsonObject()) {
            throw ProblemException.badRequest("properties", "must be an object of attribute ids and values");
        }
        return properties.getAsJsonObject();
    }
}
