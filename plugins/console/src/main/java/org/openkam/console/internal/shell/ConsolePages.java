package org.openkam.console.internal.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.console.ConsolePage;
import org.openkam.http.api.ConsoleModules;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the console's pages, the {@link ConsolePage} services and the pages {@link ConsoleModules} services
 * declare in their properties, and answers which a caller may see, in navigation order.
 * A page's values are read once, when its service arrives; a page with a bad id or module path, or an id taken
 * already, is left out and logged, so one broken plugin cannot break the navigation. A plugin's pages that name an
 * enablement PID ({@link ConsoleModules#ENABLEMENT}) show only for the units the plugin serves.
 */
@Component(service = ConsolePages.class)
public final class ConsolePages {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePages.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MODULE = Pattern.compile("/console/[A-Za-z0-9._~/-]+\\.m?js");
    private static final Comparator<Entry> IN_GROUP = Comparator.comparingInt(Entry::order)
            .thenComparing(Entry::title).thenComparing(Entry::id);

    /** A navigation entry as the console's pages route answers it. */
    public record Entry(String id, String title, String group, int order, String moduleUrl) {
    }

    private record Tracked(Object service, Entry entry, Optional<Role> requiredRole, boolean adminOnly,
            String enablementPid) {

        boolean visibleTo(Caller caller) {
            if (caller.admin()) {
                return true;
            }
            return !adminOnly && requiredRole.map(r -> caller.grants().values().stream().anyMatch(s -> s.contains(r)))
                    .orElse(true);
        }
    }

    private final PluginEnablement enablement;

    @Activate
    public ConsolePages(@Reference ConfigurationAdmin configurations) {
        this(PluginEnablement.of(configurations));
    }

    ConsolePages(PluginEnablement enablement) {
        this.enablement = enablement;
    }

    /** By id, oldest first: a later page with a taken id waits until the first one leaves. */
    private final Map<String, List<Tracked>> pages = new LinkedHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "remove")
    public synchronized void add(ConsolePage page) {
        Tracked tracked;
        try {
            tracked = new Tracked(page, new Entry(page.id(), page.title(), page.group(), page.order(),
                    page.moduleUrl()), page.requiredRole(), page.adminOnly(), null);
        } catch (RuntimeException e) {
            LOG.warn("Console page {} left out: reading it failed", page.getClass().getName(), e);
            return;
        }
        track(tracked, page.getClass().getName());
    }

    public synchronized void remove(ConsolePage page) {
        untrack(page);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeModules")
    public synchronized void addModules(ConsoleModules modules, ServiceReference<ConsoleModules> reference) {
        String plugin = String.valueOf(reference.getProperty(ConsoleModules.PLUGIN));
        String source = reference.getBundle() == null ? plugin : reference.getBundle().getSymbolicName();
        boolean servedByKit = reference.getProperty(ConsoleModules.FOLDER) != null;
        Object enablementPid = reference.getProperty(ConsoleModules.ENABLEMENT);
        for (String declaration : PageDeclaration.of(reference.getProperty(ConsoleModules.PAGE))) {
            try {
                PageDeclaration page = PageDeclaration.parse(declaration, plugin, servedByKit);
                track(new Tracked(modules, new Entry(page.id(), page.title(), page.group(), page.order(),
                        page.moduleUrl()), page.requiredRole(), page.adminOnly(),
                        enablementPid == null ? null : String.valueOf(enablementPid).strip()), source);
            } catch (IllegalArgumentException e) {
                LOG.warn("Console page '{}' of {} left out: {}", declaration, source, e.getMessage());
            }
        }
    }

    public synchronized void removeModules(ConsoleModules modules) {
        untrack(modules);
    }

    private void track(Tracked tracked, String source) {
        Entry e = tracked.entry();
        if (e.id() == null || !ID.matcher(e.id()).matches() || blank(e.title()) || blank(e.group())
                || e.moduleUrl() == null || !MODULE.matcher(e.moduleUrl()).matches() || e.moduleUrl().contains("..")
                || tracked.requiredRole() == null) {
            LOG.warn("Console page {} ({}) left out: it needs an id of lower-case letters, digits and '-', a title,"
                    + " a group and a module path under /console/ ending in .js", e.id(), source);
            return;
        }
        List<Tracked> withId = pages.computeIfAbsent(e.id(), k -> new ArrayList<>());
        if (!withId.isEmpty()) {
            LOG.warn("Console page {} ({}) waits: another page has its id", e.id(), source);
        }
        withId.add(tracked);
    }

    private void untrack(Object service) {
        pages.values().forEach(list -> list.removeIf(t -> t.service() == service));
        pages.values().removeIf(List::isEmpty);
    }

    /** The pages the caller may see, in navigation order. */
    public List<Entry> visibleTo(Caller caller) {
        return visibleTo(caller, null);
    }

    /**
     * The pages the caller may see with {@code unit} chosen (or {@code null}: all the caller's units), in navigation
     * order; a plugin's pages only where the plugin serves the unit.
     */
    public List<Entry> visibleTo(Caller caller, String unit) {
        List<Tracked> candidates = new ArrayList<>();
        synchronized (this) {
            for (List<Tracked> withId : pages.values()) {
                Tracked first = withId.get(0);
                if (first.visibleTo(caller)) {
                    candidates.add(first);
                }
            }
        }
        // asked outside the lock: ConfigAdmin may call back into services that wait for it
        Map<String, Boolean> served = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Tracked t : candidates) {
            if (t.enablementPid() == null
                    || served.computeIfAbsent(t.enablementPid(), pid -> enablement.serves(pid, caller, unit))) {
                out.add(t.entry());
            }
        }
        // groups by the lowest order among their pages, then by name; so the first page overall is the landing page
        Map<String, Integer> groupOrder = new HashMap<>();
        out.forEach(e -> groupOrder.merge(e.group(), e.order(), Math::min));
        out.sort(Comparator.comparingInt((Entry e) -> groupOrder.get(e.group())).thenComparing(Entry::group)
                .thenComparing(IN_GROUP));
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
