package org.openkam.hierarchy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;

/**
 * Hierarchies, their nodes and dated links in the plugin's own tables. A change of links locks the hierarchy's
 * row, so the rules of {@link HierarchyLinks} hold against concurrent changes on any node of a cluster; it is
 * checked on the links that can matter (the child's, and every link above the new parent), never on the whole
 * hierarchy. Each change is audited and posted on {@value #TOPIC}{@code /<entity>/<action>} after the commit.
 * Callers check who may see and change what.
 */
public final class HierarchyStore {

    public static final String TOPIC = "org/openkam/hierarchy";
    private static final String NODE_COLUMNS = "id, hierarchy_id, account_id, name, business_unit, version, "
            + "created_at";
    private static final String LINK_COLUMNS = "id, hierarchy_id, parent_id, child_id, link_type, valid_from, "
            + "valid_to, version, created_at";
    public static final int MAX_NAME = 200;

    private final Database database;
    /** Shapes read so far, each at the {@code shape_version} it matches; kept current by this store's changes. */
    private final Map<String, HierarchyShape> shapes = new ConcurrentHashMap<>();

    public HierarchyStore(Database database) {
        this.database = database;
    }

    /**
     * The hierarchy's shape at its current {@code shape_version}: the one in memory when it still matches (one
     * small query), else read anew. A change made through another store (another cluster node) bumps the version,
     * so the shape is always current.
     */
    HierarchyShape shape(String hierarchyId) {
        return database.read(tx -> {
            Connection c = tx.connection();
            long version;
            try (PreparedStatement ps = bound(c, "SELECT shape_version FROM hierarchy WHERE id = ?", hierarchyId);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("hierarchy", hierarchyId);
                }
                version = rs.getLong(1);
            }
            HierarchyShape cached = shapes.get(hierarchyId);
            if (cached != null && cached.version() == version) {
                return cached;
            }
            HierarchyShape loaded = HierarchyShape.load(c, hierarchyId, version);
            // a concurrent change may have moved the cached one past this read: keep the newer
            return shapes.merge(hierarchyId, loaded, (old, read) -> old.version() >= read.version() ? old : read);
        });
    }

    /** The walk of the node's subtree on the day, from the shape in memory. */
    HierarchyShape.Walk walk(String hierarchyId, String nodeId, LocalDate day) {
        HierarchyShape.Walk walk = shape(hierarchyId).walk(nodeId, day);
        if (walk == null) {
            throw new NotFoundException("hierarchy node", nodeId);
        }
        return walk;
    }

    /** Counts a change of the hierarchy's shape in its (locked) row; the version before it. */
    private static long bumpShape(Connection c, String hierarchyId) throws SQLException {
        long before;
        try (PreparedStatement ps = bound(c, "SELECT shape_version FROM hierarchy WHERE id = ?", hierarchyId);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            before = rs.getLong(1);
        }
        try (PreparedStatement ps = bound(c, "UPDATE hierarchy SET shape_version = ? WHERE id = ?", before + 1,
                hierarchyId)) {
            ps.executeUpdate();
        }
        return before;
    }

    /**
     * After a commit: applies the change to the shape in memory if it is the version the change started from, else
     * forgets it (the next read loads it).
     */
    private void changedShape(String hierarchyId, long before, List<Consumer<HierarchyShape>> change) {
        HierarchyShape shape = shapes.get(hierarchyId);
        if (shape == null) {
            return;
        }
        synchronized (shape) {
            if (shape.version() == before) {
                change.forEach(c -> c.accept(shape));
                shape.version(before + 1);
                return;
            }
        }
        shapes.remove(hierarchyId, shape);
    }

    public Hierarchy create(Caller caller, String name, String businessUnit) {
        new Violations().required("name", name, MAX_NAME).required("businessUnit", businessUnit, 100).throwIfAny();
        Instant now = Rows.now();
        Hierarchy hierarchy = new Hierarchy(Rows.newId(), name.strip(), businessUnit, 1, now, now);
        return database.write(caller, tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO hierarchy (id, name, "
                    + "business_unit, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, hierarchy.id());
                ps.setString(2, hierarchy.name());
                ps.setString(3, businessUnit);
                ps.setLong(4, 1);
                Rows.setInstant(ps, 5, now);
                Rows.setInstant(ps, 6, now);
                ps.executeUpdate();
            }
            tx.audit("hierarchy", hierarchy.id(), null, businessUnit, null, hierarchy.audited());
            tx.post(TOPIC + "/hierarchy/CREATED", Map.of("hierarchyId", hierarchy.id(), "businessUnit", businessUnit));
            return hierarchy;
        });
    }

    /** A name cut to what a node or hierarchy holds. */
    static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** Every hierarchy, by name. */
    public List<Hierarchy> hierarchies() {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, name, business_unit, version, "
                    + "created_at, updated_at FROM hierarchy ORDER BY name, id"); ResultSet rs = ps.executeQuery()) {
                List<Hierarchy> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(hierarchy(rs));
                }
                return out;
            }
        });
    }

    public Hierarchy hierarchy(String id) {
        return database.read(tx -> find(tx.connection(), id, false));
    }

    /**
     * Places an account ({@code accountId} set; {@code name} and {@code businessUnit} are the account's) or a
     * grouping node ({@code accountId} null; the hierarchy's unit) in the hierarchy, unlinked. An account is placed
     * once per hierarchy.
     */
    public HierarchyNode addNode(Caller caller, String hierarchyId, String accountId, String name,
            String businessUnit) {
        new Violations().required("name", name, MAX_NAME).required("businessUnit", businessUnit, 100).throwIfAny();
        long[] before = {0};
        HierarchyNode added = database.write(caller, tx -> {
            Connection c = tx.connection();
            find(c, hierarchyId, true);
            before[0] = bumpShape(c, hierarchyId);
            if (accountId != null && nodeOfAccount(c, hierarchyId, accountId).isPresent()) {
                throw new ConflictException("accountId", "the account " + accountId + " is already in this hierarchy");
            }
            HierarchyNode node = new HierarchyNode(Rows.newId(), hierarchyId, accountId,
                    name.strip(), businessUnit, 1, Rows.now());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hierarchy_node (" + NODE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, node.id());
                ps.setString(2, hierarchyId);
                ps.setString(3, accountId);
                ps.setString(4, node.name());
                ps.setString(5, businessUnit);
                ps.setLong(6, 1);
                Rows.setInstant(ps, 7, node.createdAt());
                ps.executeUpdate();
            }
            tx.audit("hierarchy-node", node.id(), accountId, businessUnit, null,
                    Map.of("hierarchyId", hierarchyId, "name", node.name()));
            tx.post(TOPIC + "/node/CREATED", Map.of("hierarchyId", hierarchyId, "nodeId", node.id()));
            return node;
        });
        changedShape(hierarchyId, before[0], List.of(s -> s.node(added.id(), added.accountId())));
        return added;
    }

    /** The units of the accounts placed in the hierarchy. */
    public Set<String> accountUnits(String hierarchyId) {
        return database.read(tx -> {
            try (PreparedStatement ps = bound(tx.connection(), "SELECT DISTINCT business_unit FROM hierarchy_node "
                    + "WHERE hierarchy_id = ? AND account_id IS NOT NULL", hierarchyId); ResultSet rs = ps.executeQuery()) {
                Set<String> out = new HashSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    public HierarchyNode node(String hierarchyId, String nodeId) {
        return database.read(tx -> findNode(tx.connection(), hierarchyId, nodeId)
                .orElseThrow(() -> new NotFoundException("hierarchy node", nodeId)));
    }

    /** Where the account is placed, one node per hierarchy. */
    public List<HierarchyNode> nodesOfAccount(String accountId) {
        return database.read(tx -> nodes(tx.connection(), "SELECT " + NODE_COLUMNS
                + " FROM hierarchy_node WHERE account_id = ? ORDER BY hierarchy_id", accountId));
    }

    /**
     * The children of {@code parentId} on the day, or the roots (nodes without a parent that day) when it is
     * {@code null}; by name.
     */
    public List<HierarchyNode> children(String hierarchyId, String parentId, LocalDate day) {
        return database.read(tx -> {
            if (parentId == null) {
                return nodes(tx.connection(), "SELECT " + NODE_COLUMNS + " FROM hierarchy_node n WHERE hierarchy_id = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM hierarchy_link l WHERE l.child_id = n.id AND l.valid_from <= ? "
                        + "AND (l.valid_to IS NULL OR l.valid_to > ?)) ORDER BY name, id", hierarchyId, day, day);
            }
            return nodes(tx.connection(), "SELECT n.id, n.hierarchy_id, n.account_id, n.name, n.business_unit, "
                    + "n.version, n.created_at FROM hierarchy_link l JOIN hierarchy_node n ON n.id = l.child_id "
                    + "WHERE l.hierarchy_id = ? AND l.parent_id = ? AND l.valid_from <= ? "
                    + "AND (l.valid_to IS NULL OR l.valid_to > ?) ORDER BY n.name, n.id", hierarchyId, parentId, day,
                    day);
        });
    }

    /** How many children each of the nodes has on the day (absent: none). */
    public Map<String, Integer> childCounts(Collection<String> nodeIds, LocalDate day) {
        if (nodeIds.isEmpty()) {
            return Map.of();
        }
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT parent_id, COUNT(*) FROM "
                    + "hierarchy_link WHERE parent_id IN (" + Rows.placeholders(nodeIds.size()) + ") AND valid_from <= ? "
                    + "AND (valid_to IS NULL OR valid_to > ?) GROUP BY parent_id")) {
                int i = 1;
                for (String id : nodeIds) {
                    ps.setString(i++, id);
                }
                ps.setObject(i++, day);
                ps.setObject(i, day);
                Map<String, Integer> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return out;
            }
        });
    }

    /** The node's ancestors on the day, its parent first, with the links that hold them. */
    public List<HierarchyNode> ancestors(String hierarchyId, String nodeId, LocalDate day) {
        return database.read(tx -> {
            Connection c = tx.connection();
            HierarchyLinks links = new HierarchyLinks(linksAbove(c, Set.of(nodeId)));
            List<HierarchyNode> out = new ArrayList<>();
            for (String id : links.ancestors(nodeId, day)) {
                out.add(findNode(c, hierarchyId, id).orElseThrow());
            }
            return out;
        });
    }

    /** The links of the node to its parents, every period, the earliest first. */
    public List<HierarchyLink> parentLinks(String hierarchyId, String nodeId) {
        return database.read(tx -> links(tx.connection(), "SELECT " + LINK_COLUMNS + " FROM hierarchy_link "
                + "WHERE hierarchy_id = ? AND child_id = ? ORDER BY valid_from", hierarchyId, nodeId));
    }

    /** Every node of the hierarchy, by id. */
    public Map<String, HierarchyNode> nodes(String hierarchyId) {
        return database.read(tx -> {
            Map<String, HierarchyNode> out = new HashMap<>();
            nodes(tx.connection(), "SELECT " + NODE_COLUMNS + " FROM hierarchy_node WHERE hierarchy_id = ?",
                    hierarchyId).forEach(n -> out.put(n.id(), n));
            return out;
        });
    }

    /** The subtree under the node on the day, from the hierarchy's shape in memory ({@link #shape}). */
    public Subtree subtree(String hierarchyId, String nodeId, LocalDate day) {
        HierarchyShape shape = shape(hierarchyId);
        if (!shape.has(nodeId)) {
            throw new NotFoundException("hierarchy node", nodeId);
        }
        return shape.subtree(nodeId, day);
    }

    /** Every link of the hierarchy. */
    public List<HierarchyLink> links(String hierarchyId) {
        return database.read(tx -> links(tx.connection(), "SELECT " + LINK_COLUMNS + " FROM hierarchy_link "
                + "WHERE hierarchy_id = ?", hierarchyId));
    }

    /** Links child under parent for the draft's period, if no rule refuses it. */
    public HierarchyLink link(Caller caller, String hierarchyId, LinkDraft draft) {
        draft.violations().throwIfAny();
        long[] before = {0};
        HierarchyLink added = database.write(caller, tx -> {
            Connection c = tx.connection();
            Hierarchy hierarchy = find(c, hierarchyId, true);
            before[0] = bumpShape(c, hierarchyId);
            HierarchyNode child = known(c, hierarchyId, "childId", draft.childId());
            known(c, hierarchyId, "parentId", draft.parentId());
            HierarchyLinks links = new HierarchyLinks(relevant(c, draft));
            links.check(draft, label(c, hierarchyId));
            HierarchyLink link = insert(c, hierarchyId, draft);
            changed(tx, hierarchy, child, "CREATED", null, link);
            return link;
        });
        changedShape(hierarchyId, before[0], List.of(linked(added)));
        return added;
    }

    private static Consumer<HierarchyShape> linked(HierarchyLink l) {
        return s -> s.link(l.id(), l.parentId(), l.childId(), l.validFrom(), l.validTo());
    }

    /**
     * Moves the node with its subtree under {@code parentId} from {@code day} on: the link holding it that day ends
     * there (or goes, if it began that day) and a new one of {@code type} (the old link's type when {@code null})
     * runs until the old one would have ended. One transaction: both or neither.
     */
    public HierarchyLink move(Caller caller, String hierarchyId, String nodeId, String parentId, LocalDate day,
            LinkType type) {
        new Violations().required("parentId", parentId).required("on", day).throwIfAny();
        long[] before = {0};
        List<Consumer<HierarchyShape>> change = new ArrayList<>();
        HierarchyLink added = database.write(caller, tx -> {
            change.clear();
            Connection c = tx.connection();
            Hierarchy hierarchy = find(c, hierarchyId, true);
            before[0] = bumpShape(c, hierarchyId);
            HierarchyNode child = findNode(c, hierarchyId, nodeId)
                    .orElseThrow(() -> new NotFoundException("hierarchy node", nodeId));
            known(c, hierarchyId, "parentId", parentId);
            List<HierarchyLink> relevant = relevant(c, new LinkDraft(parentId, nodeId, null, day, null));
            Optional<HierarchyLink> current = new HierarchyLinks(relevant).parentLink(nodeId, day);
            LinkType newType = type != null ? type : current.map(HierarchyLink::type).orElse(null);
            LinkDraft draft = new LinkDraft(parentId, nodeId, newType, day,
                    current.map(HierarchyLink::validTo).orElse(null));
            draft.violations().throwIfAny();
            HierarchyLink ended = current.filter(l -> l.validFrom().isBefore(day)).map(l -> l.endingOn(day))
                    .orElse(null);
            HierarchyLinks after = new HierarchyLinks(relevant).with(current.orElse(null), ended);
            after.check(draft, label(c, hierarchyId));
            if (current.isPresent()) {
                if (ended == null) {
                    delete(c, current.get().id());
                    String gone = current.get().id();
                    change.add(s -> s.unlink(gone));
                } else {
                    end(c, ended);
                    change.add(linked(ended));
                }
                changed(tx, hierarchy, child, ended == null ? "DELETED" : "UPDATED", current.get(), ended);
            }
            HierarchyLink link = insert(c, hierarchyId, draft);
            change.add(linked(link));
            changed(tx, hierarchy, child, "CREATED", null, link);
            return link;
        });
        changedShape(hierarchyId, before[0], change);
        return added;
    }

    /** Removes a link the caller saw at {@code expectedVersion}; the child becomes a root for its period. */
    public void unlink(Caller caller, String hierarchyId, String linkId, long expectedVersion) {
        long[] before = {0};
        database.write(caller, tx -> {
            Connection c = tx.connection();
            Hierarchy hierarchy = find(c, hierarchyId, true);
            before[0] = bumpShape(c, hierarchyId);
            HierarchyLink link = links(c, "SELECT " + LINK_COLUMNS + " FROM hierarchy_link WHERE hierarchy_id = ? "
                    + "AND id = ?", hierarchyId, linkId).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("hierarchy link", linkId));
            if (link.version() != expectedVersion) {
                throw new StaleVersionException("hierarchy link", linkId, expectedVersion, link.version());
            }
            delete(c, linkId);
            changed(tx, hierarchy, findNode(c, hierarchyId, link.childId()).orElseThrow(), "DELETED", link, null);
            return null;
        });
        changedShape(hierarchyId, before[0], List.of(s -> s.unlink(linkId)));
    }

    /** The child's links (one parent per day) and every link above the parent (cycles), over all periods. */
    private List<HierarchyLink> relevant(Connection c, LinkDraft draft) throws SQLException {
        List<HierarchyLink> out = new ArrayList<>(linksAbove(c, Set.of(draft.parentId())));
        Set<String> have = new HashSet<>(out.stream().map(HierarchyLink::id).toList());
        links(c, "SELECT " + LINK_COLUMNS + " FROM hierarchy_link WHERE child_id = ?", draft.childId()).stream()
                .filter(l -> have.add(l.id())).forEach(out::add);
        return out;
    }

    /** Every link on any day above the nodes, level by level: one query per level of depth. */
    private List<HierarchyLink> linksAbove(Connection c, Set<String> nodes) throws SQLException {
        List<HierarchyLink> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(nodes);
        Set<String> frontier = nodes;
        while (!frontier.isEmpty()) {
            List<HierarchyLink> level = links(c, "SELECT " + LINK_COLUMNS + " FROM hierarchy_link WHERE child_id IN ("
                    + Rows.placeholders(frontier.size()) + ")", frontier.toArray());
            out.addAll(level);
            Set<String> next = new HashSet<>();
            level.stream().map(HierarchyLink::parentId).filter(seen::add).forEach(next::add);
            frontier = next;
        }
        return out;
    }

    private Function<String, String> label(Connection c, String hierarchyId) {
        return id -> {
            try {
                return findNode(c, hierarchyId, id).map(HierarchyNode::name).orElse(id);
            } catch (SQLException e) {
                return id;
            }
        };
    }

    private static HierarchyLink insert(Connection c, String hierarchyId, LinkDraft draft) throws SQLException {
        HierarchyLink link = new HierarchyLink(Rows.newId(), hierarchyId, draft.parentId(),
                draft.childId(), draft.type(), draft.validFrom(), draft.validTo(), 1, Rows.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hierarchy_link (" + LINK_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, link.id());
            ps.setString(2, hierarchyId);
            ps.setString(3, link.parentId());
            ps.setString(4, link.childId());
            ps.setString(5, link.type().name());
            ps.setObject(6, link.validFrom());
            ps.setObject(7, link.validTo(), Types.DATE);
            ps.setLong(8, 1);
            Rows.setInstant(ps, 9, link.createdAt());
            ps.executeUpdate();
        }
        return link;
    }

    private static void end(Connection c, HierarchyLink ended) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE hierarchy_link SET valid_to = ?, version = ? "
                + "WHERE id = ?")) {
            ps.setObject(1, ended.validTo());
            ps.setLong(2, ended.version());
            ps.setString(3, ended.id());
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, String linkId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hierarchy_link WHERE id = ?")) {
            ps.setString(1, linkId);
            ps.executeUpdate();
        }
    }

    private static void changed(Tx tx, Hierarchy hierarchy, HierarchyNode child, String action, HierarchyLink before,
            HierarchyLink after) throws SQLException {
        HierarchyLink any = after == null ? before : after;
        tx.audit("hierarchy-link", any.id(), child.accountId(), hierarchy.businessUnit(),
                before == null ? null : before.audited(), after == null ? null : after.audited());
        tx.post(TOPIC + "/link/" + action, Map.of("hierarchyId", hierarchy.id(), "linkId", any.id(),
                "childId", any.childId(), "parentId", any.parentId()));
    }

    private static HierarchyNode known(Connection c, String hierarchyId, String field, String nodeId)
            throws SQLException {
        return findNode(c, hierarchyId, nodeId)
                .orElseThrow(() -> new ValidationException(field, "no node " + nodeId + " in this hierarchy"));
    }

    private static Hierarchy find(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, business_unit, version, created_at, "
                + "updated_at FROM hierarchy WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("hierarchy", id);
                }
                return hierarchy(rs);
            }
        }
    }

    private static Optional<HierarchyNode> findNode(Connection c, String hierarchyId, String nodeId)
            throws SQLException {
        return nodes(c, "SELECT " + NODE_COLUMNS + " FROM hierarchy_node WHERE hierarchy_id = ? AND id = ?",
                hierarchyId, nodeId).stream().findFirst();
    }

    private static Optional<HierarchyNode> nodeOfAccount(Connection c, String hierarchyId, String accountId)
            throws SQLException {
        return nodes(c, "SELECT " + NODE_COLUMNS + " FROM hierarchy_node WHERE hierarchy_id = ? AND account_id = ?",
                hierarchyId, accountId).stream().findFirst();
    }

    private static List<HierarchyNode> nodes(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = bound(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            List<HierarchyNode> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new HierarchyNode(rs.getString("id"), rs.getString("hierarchy_id"), rs.getString("account_id"),
                        rs.getString("name"), rs.getString("business_unit"), rs.getLong("version"),
                        Rows.instant(rs, "created_at")));
            }
            return out;
        }
    }

    private static List<HierarchyLink> links(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = bound(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            List<HierarchyLink> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new HierarchyLink(rs.getString("id"), rs.getString("hierarchy_id"), rs.getString("parent_id"),
                        rs.getString("child_id"), LinkType.valueOf(rs.getString("link_type")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getLong("version"), Rows.instant(rs, "created_at")));
            }
            return out;
        }
    }

    private static PreparedStatement bound(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }

    private static Hierarchy hierarchy(ResultSet rs) throws SQLException {
        return new Hierarchy(rs.getString("id"), rs.getString("name"), rs.getString("business_unit"),
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
