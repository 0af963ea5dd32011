package org.openkam.console.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openkam.api.NotFoundException;
import org.openkam.api.Violation;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The installed bundles as an administrator manages them: listed with their state, installed from an uploaded
 * jar and started, updated, started, stopped and uninstalled. The bundles the console itself needs to answer (the
 * framework, the console, the OpenKAM API and registry, Declarative Services, the HTTP runtime) are never stopped
 * or uninstalled from here, so an administrator cannot lock himself out.
 */
final class Bundles {

    /** Symbolic names of bundles without which the console cannot answer. */
    static final Set<String> ESSENTIAL = Set.of("org.openkam.api", "org.openkam.registry", "org.apache.felix.scr",
            "org.apache.felix.http.jetty12", "org.apache.felix.http.servlet-api", "com.google.gson");
    private static final String LOCATION = "openkam:console-upload:";
    /** Symbolic names of the product's bundles: none may be uploaded (see {@link #refuseProductName}). */
    static final String PRODUCT_NAMESPACE = "org.openkam";
    private final BundleContext context;
    private final long maxBytes;
    private static final Duration HOT_DEPLOY_WAIT = Duration.ofSeconds(30);
    private final Path uploads;
    private final Path deploy;

    /**
     * @param deploy FileInstall's bundle folder: an uploaded jar is put there, so it is installed again at the next
     *        start (the framework's cache is rebuilt at every start) and FileInstall owns it like any dropped jar;
     *        {@code null}: installed into the framework directly, until the next restart
     */
    Bundles(BundleContext context, long maxBytes, Path uploads, Path deploy) {
        this.context = context;
        this.maxBytes = maxBytes;
        this.uploads = uploads;
        this.deploy = deploy;
    }

    /** The folder named {@code name} among FileInstall's folders ({@code felix.fileinstall.dir}), or {@code null}. */
    static Path fileInstallFolder(String fileInstallDirs, String name) {
        if (fileInstallDirs == null) {
            return null;
        }
        for (String dir : fileInstallDirs.split(",")) {
            Path path = Path.of(dir.strip()).toAbsolutePath().normalize();
            if (path.getFileName() != null && path.getFileName().toString().equals(name) && Files.isDirectory(path)) {
                return path;
            }
        }
        return null;
    }

    /** One bundle as the API lists it. */
    record View(long id, String symbolicName, String name, String version, String state, Integer startLevel,
            boolean fragment, Instant lastModified, String location, boolean essential, List<String> contributes) {
    }

    List<View> list() {
        List<View> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            out.add(view(b));
        }
        return out;
    }

    View get(long id) {
        return view(bundle(id));
    }

    /** Installs an uploaded jar and starts it; a failing start leaves it installed and says why. */
    Outcome install(InputStream jarStream) throws IOException {
        BundleJar jar = BundleJar.receive(jarStream, maxBytes, uploads);
        try {
            refuseProductName(jar.symbolicName());
            for (Bundle b : context.getBundles()) {
                if (jar.symbolicName().equals(b.getSymbolicName()) && jar.version().equals(b.getVersion())) {
                    String detail = "bundle " + b.getBundleId() + " is " + jar.symbolicName() + " " + jar.version()
                            + " already; update it with PUT /api/v1/admin/bundles/" + b.getBundleId();
                    throw new ProblemException(new Problem("urn:openkam:problem:conflict", "Conflict", 409, detail,
                            "Bundle-SymbolicName", List.of(new Violation("Bundle-SymbolicName", detail))));
                }
            }
            if (deploy != null) {
                return start(hotDeploy(jar));
            }
            Bundle installed;
            try (InputStream in = Files.newInputStream(jar.file())) {
                installed = context.installBundle(LOCATION + jar.symbolicName() + "/" + jar.version(), in);
            } catch (BundleException e) {
                throw new ProblemException(Problem.invalid("body", "the framework refused to install it: "
                        + e.getMessage()));
            }
            return start(installed);
        } finally {
            Files.deleteIfExists(jar.file());
        }
    }

    /**
     * Refuses the symbolic name of a bundle of the product: the {@code org.openkam} namespace, and any name a bundle
     * the product ships carries (the framework, {@code system/}). Such an upload (say {@code org.openkam.api} 9.9.9)
     * would run beside or instead of the product's own bundle, and could not be removed here.
     */
    private void refuseProductName(String symbolicName) {
        String problem = null;
        if (symbolicName.equals(PRODUCT_NAMESPACE) || symbolicName.startsWith(PRODUCT_NAMESPACE + ".")) {
            problem = "is in the " + PRODUCT_NAMESPACE + " namespace, which is reserved for the product's own bundles; "
                    + "give your bundle a name of your own, such as com.example.kam.scoring";
        } else {
            for (Bundle b : context.getBundles()) {
                if (symbolicName.equals(b.getSymbolicName()) && isShipped(b)) {
                    problem = "is the name of bundle " + b.getBundleId() + ", which the product ships; "
                            + "give your bundle a name of its own";
                }
            }
        }
        if (problem != null) {
            throw new ProblemException(new Problem("urn:openkam:problem:reserved-name", "Reserved bundle name", 422,
                    "Bundle-SymbolicName " + symbolicName + " " + problem, "Bundle-SymbolicName",
                    List.of(new Violation("Bundle-SymbolicName", problem))));
        }
    }

    /** A bundle of the product: the framework, or installed neither from an upload nor from {@code deploy/}. */
    private boolean isShipped(Bundle b) {
        String location = b.getLocation();
        return b.getBundleId() == 0 || location == null
                || !location.startsWith(LOCATION) && deployed(b) == null;
    }

    /** Replaces a bundle with an uploaded jar of the same symbolic name. */
    Outcome update(long id, InputStream jarStream) throws IOException {
        Bundle b = bundle(id);
        guard(b, "update");
        BundleJar jar = BundleJar.receive(jarStream, maxBytes, uploads);
        try {
            if (!jar.symbolicName().equals(b.getSymbolicName())) {
                throw new ProblemException(new Problem("urn:openkam:problem:invalid-input", "Invalid input", 422,
                        "the jar is " + jar.symbolicName() + ", not " + b.getSymbolicName()
                                + "; upload a new bundle with POST /api/v1/admin/bundles",
                        "Bundle-SymbolicName", List.of(new Violation("Bundle-SymbolicName", "must be "
                                + b.getSymbolicName()))));
            }
            boolean wasActive = b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING;
            Path deployed = deployed(b);
            if (deployed != null) {
                return hotUpdate(b, jar, deployed, wasActive);
            }
            try (InputStream in = Files.newInputStream(jar.file())) {
                b.update(in);
            } catch (BundleException e) {
                // the update itself failed (e.g. the new revision does not resolve while restarting)
                return new Outcome(view(b), failure(b, "was updated but could not be restarted", e));
            }
            return wasActive || b.getState() != Bundle.ACTIVE ? start(b) : new Outcome(view(b), null);
        } finally {
            Files.deleteIfExists(jar.file());
        }
    }

    Outcome startBundle(long id) {
        Bundle b = bundle(id);
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            throw conflict("bundle " + id + " is a fragment: it is never started, it attaches to its host");
        }
        return start(b);
    }

    View stop(long id) {
        Bundle b = bundle(id);
        guard(b, "stop");
        try {
            b.stop();
        } catch (BundleException e) {
            throw conflict("bundle " + id + " could not be stopped: " + e.getMessage());
        }
        return view(b);
    }

    void uninstall(long id) throws IOException {
        Bundle b = bundle(id);
        guard(b, "uninstall");
        Path deployed = deployed(b);
        if (deployed != null) {
            // else FileInstall installs it again at the next start
            Files.deleteIfExists(deployed);
        }
        try {
            b.uninstall();
        } catch (BundleException e) {
            throw conflict("bundle " + id + " could not be uninstalled: " + e.getMessage());
        } catch (IllegalStateException e) {
            // FileInstall saw its file go and uninstalled it first: what was asked for is done
            if (b.getState() != Bundle.UNINSTALLED) {
                throw e;
            }
        }
    }

    /**
     * Puts the jar into {@code deploy/} (complete: written aside, then renamed) and waits for FileInstall to install
     * it; FileInstall also starts it, and {@link #start} reports why if it could not.
     */
    private Bundle hotDeploy(BundleJar jar) throws IOException {
        Path target = deploy.resolve(jar.symbolicName().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + jar.version()
                + ".jar");
        if (Files.exists(target)) {
            String detail = "deploy/" + target.getFileName() + " exists already; remove it or update its bundle";
            throw new ProblemException(new Problem("urn:openkam:problem:conflict", "Conflict", 409, detail,
                    "Bundle-SymbolicName", List.of(new Violation("Bundle-SymbolicName", detail))));
        }
        replace(jar.file(), target);
        long deadline = System.nanoTime() + HOT_DEPLOY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Bundle b : context.getBundles()) {
                if (jar.symbolicName().equals(b.getSymbolicName()) && jar.version().equals(b.getVersion())) {
                    awaitStarted(b, deadline);
                    return b;
                }
            }
            pause();
        }
        throw new ProblemException(Problem.of(503, "not-deployed", "Not deployed",
                "deploy/" + target.getFileName() + " was not installed within " + HOT_DEPLOY_WAIT.toSeconds()
                        + " s; FileInstall may be stopped; the jar stays in deploy/"));
    }

    /**
     * Replaces FileInstall's copy in {@code deploy/}, so the next start installs the new one too, and waits for
     * FileInstall to update the bundle from it: updating it here as well would race FileInstall's own update.
     */
    private Outcome hotUpdate(Bundle b, BundleJar jar, Path deployed, boolean wasActive) throws IOException {
        long modified = b.getLastModified();
        replace(jar.file(), deployed);
        long deadline = System.nanoTime() + HOT_DEPLOY_WAIT.toNanos();
        while (b.getLastModified() == modified && System.nanoTime() < deadline) {
            pause();
        }
        if (b.getLastModified() == modified) {
            throw new ProblemException(Problem.of(503, "not-deployed", "Not deployed", "deploy/"
                    + deployed.getFileName() + " was not updated within " + HOT_DEPLOY_WAIT.toSeconds()
                    + " s; FileInstall may be stopped; the new jar is in deploy/"));
        }
        awaitStarted(b, deadline);
        return wasActive && b.getState() != Bundle.ACTIVE ? start(b) : new Outcome(view(b), null);
    }

    /** Gives FileInstall, which installs first and starts in the same scan, the moment to start the bundle. */
    private static void awaitStarted(Bundle b, long deadline) {
        long settle = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(5).toNanos());
        while (System.nanoTime() < settle && b.getState() != Bundle.ACTIVE
                && (b.adapt(BundleRevision.class) == null
                        || (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0)) {
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Writes {@code target} from {@code source} completely before FileInstall can see it. */
    private static void replace(Path source, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The bundle's jar in {@code deploy/}, if FileInstall installed it from there. */
    private Path deployed(Bundle b) {
        String location = b.getLocation();
        if (deploy == null || location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            Path path = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return deploy.equals(path.getParent()) ? path : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** A bundle after an action; {@code problem} says why it did not start, if it did not. */
    record Outcome(View bundle, Problem problem) {
    }

    private Outcome start(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return new Outcome(view(b), null); // fragments attach to their host, they are not started
        }
        try {
            b.start();
            return new Outcome(view(b), null);
        } catch (BundleException e) {
            return new Outcome(view(b), failure(b, "is installed but did not start", e));
        }
    }

    /** A problem naming what kept the bundle from starting: its unresolved requirements, if that was it. */
    private static Problem failure(Bundle b, String what, BundleException e) {
        List<Violation> missing = new ArrayList<>();
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e.getType() == BundleException.RESOLVE_ERROR) {
            missing.add(new Violation("requirements", message));
        } else {
            missing.add(new Violation("bundle", message));
        }
        return new Problem("urn:openkam:problem:not-started", "Bundle not started", 409, "bundle " + b.getBundleId()
                + " (" + b.getSymbolicName() + " " + b.getVersion() + ") " + what + ": " + message,
                missing.get(0).field(), missing);
    }

    /** The framework, the console itself and the bundles it needs are not the administrator's to stop. */
    private void guard(Bundle b, String action) {
        if (isEssential(b)) {
            throw conflict("bundle " + b.getBundleId() + " (" + b.getSymbolicName() + ") runs the console itself; "
                    + action + " it and the console stops answering, so it is refused here");
        }
    }

    boolean isEssential(Bundle b) {
        return b.getBundleId() == 0 || b.getBundleId() == context.getBundle().getBundleId()
                || ESSENTIAL.contains(b.getSymbolicName()) || providesHttpRuntime(b);
    }

    private boolean providesHttpRuntime(Bundle b) {
        ServiceReference<?>[] registered = b.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> ref : registered) {
            if (Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS))
                    .contains("org.osgi.service.servlet.runtime.HttpServiceRuntime")) {
                return true;
            }
        }
        return false;
    }

    private Bundle bundle(long id) {
        Bundle b = context.getBundle(id);
        if (b == null) {
            throw new NotFoundException("bundle", Long.toString(id));
        }
        return b;
    }

    private View view(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        Integer startLevel = null;
        if (level != null) {
            try {
                startLevel = level.getStartLevel();
            } catch (IllegalArgumentException e) {
                startLevel = null; // uninstalled meanwhile
            }
        }
        BundleRevision revision = b.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        return new View(b.getBundleId(), b.getSymbolicName(), b.getHeaders().get(Constants.BUNDLE_NAME),
                b.getVersion().toString(), state(b.getState()), startLevel, fragment,
                b.getLastModified() == 0 ? null : Instant.ofEpochMilli(b.getLastModified()), b.getLocation(),
                isEssential(b), contributions(b));
    }

    /** The OpenKAM contracts the bundle's registered services provide (scoring models, routes, console pages, ...). */
    private static List<String> contributions(Bundle b) {
        Set<String> out = new TreeSet<>();
        ServiceReference<?>[] registered;
        try {
            registered = b.getRegisteredServices();
        } catch (IllegalStateException e) {
            return List.of();
        }
        if (registered != null) {
            for (ServiceReference<?> ref : registered) {
                for (String type : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                    if (type.startsWith("org.openkam.api.") || type.startsWith("org.openkam.http.api.")) {
                        out.add(type.substring(type.lastIndexOf('.') + 1));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "uninstalled";
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "unknown";
        };
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }
}
