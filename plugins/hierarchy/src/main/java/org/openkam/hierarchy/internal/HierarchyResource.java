package org.openkam.hierarchy.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.engagement.BuyingCenters;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobTracker;
import org.openkam.api.job.JobWorker;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.persistence.Database;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.unit.UnitEnablement;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.Problem;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hierarchy routes under {@code /api/v1/hierarchies} and {@code /api/v1/accounts/{id}/hierarchy}, described by
 * {@value #FRAGMENT}. A caller sees a hierarchy whose owning unit the plugin serves and that holds an account the
 * caller reads (or is owned by a unit the caller reads); of its accounts' nodes only those of units the caller reads,
 * and every answer counts the ones left out (a hidden node's subtree is out of reach). Changing a hierarchy's
 * structure needs edit rights in its owning unit. Errors are exceptions; the kit answers them.
 */
@Component(service = ApiRoutes.class)
public final class HierarchyResource implements ApiRoutes {

    static final String FRAGMENT = "/OSGI-INF/openkam/openapi.json";
    static final int MAX_LEVEL = 500;
    private static final Set<String> HIERARCHY_FIELDS = Set.of("name", "businessUnit");
    private static final Set<String> NODE_FIELDS = Set.of("accountId", "name");
    private static final Set<String> LINK_FIELDS = Set.of("parentId", "childId", "type", "validFrom", "validTo");
    private static final Set<String> MOVE_FIELDS = Set.of("parentId", "on", "type");

    private static final Logger LOG = LoggerFactory.getLogger(HierarchyResource.class);
    private final HierarchyStore store;
    private final AccountRegistry accounts;
    private final HierarchyRollups rollups;
    private final HierarchyCoverage coverage;
    private final HierarchyBuyingCenters buyingCenters;
    private final GleifImport gleif;
    private final JobTracker jobs;
    /** GLEIF imports run one at a time, off the request threads. */
    private final JobWorker importer = new JobWorker("openkam-hierarchy-gleif-import");

    /** The scoring engine while it runs: optional, so the hierarchy works without the scoring plugin. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Scoring scoring;

    /** Settings per unit with their service properties; dynamic, so units are switched while the routes run. */
    @Reference(service = HierarchySettings.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, HierarchySettings>> settings;

    @Activate
    public HierarchyResource(@Reference Database database, @Reference AccountRegistry accounts,
            @Reference Opportunities opportunities, @Reference ExchangeRates rates, @Reference JobTracker jobs,
            @Reference AccountTeams teams, @Reference BuyingCenters buyingCenters) {
        database.migrate(HierarchyStore.class);
        this.store = new HierarchyStore(database);
        this.accounts = accounts;
        this.rollups = new HierarchyRollups(store, accounts, opportunities, rates, () -> scoring);
        this.coverage = new HierarchyCoverage(store, teams);
        this.buyingCenters = new HierarchyBuyingCenters(store, buyingCenters);
        this.jobs = jobs;
        this.gleif = new GleifImport(store, accounts, jobs, importer::checkpoint);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (!importer.stop(10_000)) {
            LOG.warn("A GLEIF import did not reach a safe point within 10 s of the shutdown; it ends with the database");
        }
    }

    @Override
    public void define(RouteTable routes) {
        routes.get("/hierarchies", ex -> Map.of("items", store.hierarchies().stream()
                        .filter(h -> visible(ex.caller(), h)).toList()))
                .post("/hierarchies", Operation.of().jsonBody(), this::create)
                .get("/hierarchies/{hierarchyId}", ex -> tagged(ex, hierarchy(ex)))
                .get("/hierarchies/{hierarchyId}/nodes", this::level)
                .post("/hierarchies/{hierarchyId}/nodes", Operation.of().jsonBody(), this::addNode)
                .get("/hierarchies/{hierarchyId}/nodes/{nodeId}", ex -> {
                    Hierarchy h = hierarchy(ex);
                    return place(ex.caller(), h, seen(ex.caller(), store.node(h.id(), ex.path("nodeId"))), asOf(ex));
                })
                .get("/hierarchies/{hierarchyId}/nodes/{nodeId}/rollup", ex -> {
                    Hierarchy h = hierarchy(ex);
                    HierarchyNode node = seen(ex.caller(), store.node(h.id(), ex.path("nodeId")));
                    return rollups.of(ex.caller(), h.id(), node.id(), asOf(ex), ex.query("scoreModel"));
                })
                .get("/hierarchies/{hierarchyId}/nodes/{nodeId}/coverage", ex -> {
                    Hierarchy h = hierarchy(ex);
                    HierarchyNode node = seen(ex.caller(), store.node(h.id(), ex.path("nodeId")));
                    return coverage.of(ex.caller(), h.id(), node.id(), asOf(ex));
                })
                .get("/hierarchies/{hierarchyId}/nodes/{nodeId}/buying-center-coverage", ex -> {
                    Hierarchy h = hierarchy(ex);
                    HierarchyNode node = seen(ex.caller(), store.node(h.id(), ex.path("nodeId")));
                    return buyingCenters.of(ex.caller(), h.id(), node.id(), asOf(ex));
                })
                .post("/hierarchies/{hierarchyId}/nodes/{nodeId}/move", Operation.of().jsonBody(), this::move)
                .post("/hierarchies/{hierarchyId}/links", Operation.of().jsonBody(), this::link)
                .post("/hierarchies/{hierarchyId}/imports/gleif", this::importGleif)
                .delete("/hierarchies/{hierarchyId}/links/{linkId}", Operation.of().ifMatch(), ex -> {
                    Hierarchy h = editable(ex);
                    store.unlink(ex.caller(), h.id(), ex.path("linkId"), ex.expectedVersion(null));
                    ex.status(204);
                    return null;
                })
                .get("/accounts/{id}/hierarchy", this::ofAccount);
    }

    @Override
    public InputStream openApi() throws IOException {
        InputStream in = HierarchyResource.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new FileNotFoundException(FRAGMENT + " is missing from the bundle");
        }
        return in;
    }

    private Hierarchy create(Exchange ex) throws IOException {
        Body body = ex.body().allow(HIERARCHY_FIELDS, Set.of("id", "version", "createdAt", "updatedAt"));
        String name = body.text("name", null);
        String unit = body.text("businessUnit", null);
        body.throwIfAny();
        if (unit != null && !served(unit)) {
            throw new ValidationException("businessUnit", "hierarchies are not enabled for the unit " + unit);
        }
        if (unit != null && !ex.caller().canEdit(unit)) {
            throw new AccessDeniedException("creating a hierarchy needs edit rights in " + unit);
        }
        Hierarchy created = store.create(ex.caller(), name, unit);
        ex.status(201);
        ex.header("Location", ex.apiUrl("/hierarchies/" + created.id()));
        return tagged(ex, created);
    }

    private TreeLevel level(Exchange ex) {
        Hierarchy h = hierarchy(ex);
        LocalDate day = asOf(ex);
        String parentId = ex.query("parentId");
        if (parentId != null) {
            HierarchyNode parent = store.node(h.id(), parentId);
            if (!sees(ex.caller(), parent)) {
                throw new NotFoundException("hierarchy node", parentId);
            }
        }
        int limit = ex.intQuery("limit", 100, 1, MAX_LEVEL);
        int offset = ex.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        List<HierarchyNode> children = store.children(h.id(), parentId, day);
        List<HierarchyNode> shown = children.stream().filter(n -> sees(ex.caller(), n)).toList();
        List<HierarchyNode> page = shown.subList(Math.min(offset, shown.size()),
                Math.min(shown.size(), offset + limit));
        Map<String, Integer> counts = store.childCounts(page.stream().map(HierarchyNode::id).toList(), day);
        return new TreeLevel(h.id(), parentId, day,
                page.stream().map(n -> NodeView.of(n, counts.getOrDefault(n.id(), 0))).toList(), shown.size(),
                children.size() - shown.size());
    }

    /** Places an account the caller reads ({@code accountId}) or a grouping node ({@code name}). */
    private NodeView addNode(Exchange ex) throws IOException {
        Hierarchy h = editable(ex);
        Body body = ex.body().allow(NODE_FIELDS, Set.of("id", "businessUnit", "grouping", "childCount"));
        String accountId = body.text("accountId", null);
        String name = body.text("name", null);
        body.throwIfAny();
        if ((accountId == null) == (name == null)) {
            throw new ValidationException("accountId", "send either accountId (an account) or name (a grouping node)");
        }
        HierarchyNode node;
        if (accountId != null) {
            Account account = readable(ex.caller(), accountId);
            node = store.addNode(ex.caller(), h.id(), account.id(), account.name(), account.businessUnit());
        } else {
            node = store.addNode(ex.caller(), h.id(), null, name, h.businessUnit());
        }
        ex.status(201);
        ex.header("Location", ex.apiUrl("/hierarchies/" + h.id() + "/nodes/" + node.id()));
        return NodeView.of(node, 0);
    }

    private HierarchyLink link(Exchange ex) throws IOException {
        Hierarchy h = editable(ex);
        Body body = ex.body().allow(LINK_FIELDS, Set.of("id", "hierarchyId", "version", "createdAt"));
        LinkDraft draft = new LinkDraft(body.text("parentId", null), body.text("childId", null),
                body.choice("type", LinkType.class, null), body.date("validFrom", null), body.date("validTo", null));
        body.throwIfAny(draft.violations());
        known(ex.caller(), h, "parentId", draft.parentId());
        known(ex.caller(), h, "childId", draft.childId());
        HierarchyLink link = store.link(ex.caller(), h.id(), draft);
        ex.status(201);
        ex.etag(link.version());
        return link;
    }

    private HierarchyLink move(Exchange ex) throws IOException {
        Hierarchy h = editable(ex);
        HierarchyNode node = seen(ex.caller(), store.node(h.id(), ex.path("nodeId")));
        Body body = ex.body().allow(MOVE_FIELDS, Set.of());
        String parentId = body.text("parentId", null);
        LocalDate on = body.date("on", null);
        LinkType type = body.choice("type", LinkType.class, null);
        body.throwIfAny(new Violations().required("parentId", parentId).required("on", on));
        known(ex.caller(), h, "parentId", parentId);
        HierarchyLink link = store.move(ex.caller(), h.id(), node.id(), parentId, on, type);
        ex.etag(link.version());
        return link;
    }

    /**
     * Spools the uploaded ZIP (RR-CDF and LEI-CDF golden copies) and starts the import job; accounts it creates go
     * to {@code businessUnit} (the hierarchy's unit when absent), where the caller needs edit rights.
     */
    private Job importGleif(Exchange ex) throws IOException {
        Hierarchy h = editable(ex);
        String type = ex.request().getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/zip")) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send a ZIP of GLEIF's RR-CDF and LEI-CDF golden-copy CSV files with Content-Type application/zip"));
        }
        String unit = ex.query("businessUnit") == null ? h.businessUnit() : ex.query("businessUnit");
        if (!ex.caller().canEdit(unit)) {
            throw new ValidationException("businessUnit", "is not a business unit you may create accounts in");
        }
        Path spool = Files.createTempFile("openkam-gleif-", ".zip");
        try (InputStream in = ex.request().getInputStream()) {
            if (Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING) == 0) {
                throw new ValidationException("body", "is empty; send a ZIP file");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        Caller caller = ex.caller();
        Job job = jobs.create(caller, GleifImport.JOB_TYPE);
        importer.execute(() -> {
            try {
                gleif.run(caller, h, unit, spool, job.id());
            } finally {
                spool.toFile().delete();
            }
        });
        ex.status(202);
        ex.header("Location", ex.apiUrl("/jobs/" + job.id()));
        return job;
    }

    /** Every hierarchy the account is placed in that the caller sees, with its place on the day. */
    private Map<String, Object> ofAccount(Exchange ex) {
        Account account = accounts.get(ex.caller(), ex.path("id"));
        LocalDate day = asOf(ex);
        List<NodePlace> places = new ArrayList<>();
        for (HierarchyNode node : store.nodesOfAccount(account.id())) {
            Hierarchy h = store.hierarchy(node.hierarchyId());
            if (visible(ex.caller(), h)) {
                places.add(place(ex.caller(), h, node, day));
            }
        }
        return Map.of("accountId", account.id(), "asOf", day, "items", places);
    }

    private NodePlace place(Caller caller, Hierarchy h, HierarchyNode node, LocalDate day) {
        List<HierarchyNode> above = store.ancestors(h.id(), node.id(), day);
        List<HierarchyNode> shown = above.stream().filter(n -> sees(caller, n)).toList();
        List<String> ids = new ArrayList<>(shown.stream().map(HierarchyNode::id).toList());
        ids.add(node.id());
        Map<String, Integer> counts = store.childCounts(ids, day);
        List<NodeView> path = new ArrayList<>(shown.stream().map(n -> NodeView.of(n, counts.getOrDefault(n.id(), 0)))
                .toList());
        Collections.reverse(path);
        List<HierarchyLink> links = store.parentLinks(h.id(), node.id()).stream()
                .filter(l -> sees(caller, store.node(h.id(), l.parentId()))).toList();
        return new NodePlace(h.id(), h.name(), day, NodeView.of(node, counts.getOrDefault(node.id(), 0)), path,
                above.size() - shown.size(), links);
    }

    /** The hierarchy of the path, if the caller sees it. */
    private Hierarchy hierarchy(Exchange ex) {
        Hierarchy h = store.hierarchy(ex.path("hierarchyId"));
        if (!visible(ex.caller(), h)) {
            throw new NotFoundException("hierarchy", h.id());
        }
        return h;
    }

    /** As {@link #hierarchy}, for structural changes: the caller must edit the owning unit. */
    private Hierarchy editable(Exchange ex) {
        Hierarchy h = hierarchy(ex);
        if (!ex.caller().canEdit(h.businessUnit())) {
            throw new AccessDeniedException("changing the hierarchy needs edit rights in " + h.businessUnit());
        }
        return h;
    }

    /** A caller sees a served hierarchy if it reads the owning unit or the unit of any account placed in it. */
    private boolean visible(Caller caller, Hierarchy h) {
        return served(h.businessUnit()) && (caller.canRead(h.businessUnit())
                || store.accountUnits(h.id()).stream().anyMatch(caller::canRead));
    }

    private boolean served(String unit) {
        List<Map.Entry<Map<String, Object>, HierarchySettings>> instances = settings.stream()
                .sorted(Comparator.comparing(e -> (Long) e.getKey().get("service.id"))).toList(); // oldest first
        return UnitEnablement.serving(unit, instances, Map.Entry::getKey).isPresent();
    }

    /**
     * Grouping nodes are no customers: whoever sees the hierarchy sees them. An account's node is seen by who reads
     * the account's unit.
     */
    private static boolean sees(Caller caller, HierarchyNode node) {
        return node.grouping() || caller.canRead(node.businessUnit());
    }

    /** A node the caller may see; any other is not found, like a missing one. */
    private static HierarchyNode seen(Caller caller, HierarchyNode node) {
        if (!sees(caller, node)) {
            throw new NotFoundException("hierarchy node", node.id());
        }
        return node;
    }

    /** A node named in a body: unknown and unseen nodes are the same bad field. */
    private void known(Caller caller, Hierarchy h, String field, String nodeId) {
        try {
            seen(caller, store.node(h.id(), nodeId));
        } catch (NotFoundException e) {
            throw new ValidationException(field, "no node " + nodeId + " in this hierarchy");
        }
    }

    private Account readable(Caller caller, String accountId) {
        try {
            return accounts.get(caller, accountId);
        } catch (NotFoundException e) {
            throw new ValidationException("accountId", "no account " + accountId);
        }
    }

    private static LocalDate asOf(Exchange ex) {
        String text = ex.query("asOf");
        if (text == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("asOf", "must be a date such as 2027-03-31");
        }
    }

    private static Hierarchy tagged(Exchange ex, Hierarchy h) {
        ex.etag(h.version());
        return h;
    }
}
