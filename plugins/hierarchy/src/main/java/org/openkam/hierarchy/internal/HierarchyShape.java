package org.openkam.hierarchy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One hierarchy's shape in memory, every day at once: nodes by index with their accounts, and every link with its
 * validity as epoch days, indexed by parent. Loaded once (two queries) and then changed in place by the store's own
 * change path, so a rollup walks arrays instead of reading a million rows. It carries the hierarchy's
 * {@code shape_version} it matches; changes are idempotent (keyed by node and link id), so a change applied to a
 * shape that already saw it is harmless. Every method is synchronized: walks are short and changes rare.
 */
final class HierarchyShape {

    private static final int OPEN = Integer.MAX_VALUE;
    private static final int[] NONE = new int[0];

    private long version;
    private int nodes;
    private String[] ids = new String[16];
    private String[] accounts = new String[16];
    private int[][] out = new int[16][];
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private int links;
    private int[] parent = new int[16];
    private int[] child = new int[16];
    private int[] from = new int[16];
    private int[] to = new int[16];
    private final Map<String, Integer> linkIndex = new HashMap<>();

    /**
     * The nodes of one walk: how many, the root's account ({@code null} for a grouping node) and every account of the
     * subtree, the root's first, as a view over the walk's array (no copy for a caller that reads them by id).
     */
    record Walk(int size, String rootAccount, List<String> accounts) {
    }

    private HierarchyShape(long version) {
        this.version = version;
    }

    /**
     * Reads the hierarchy's links of every day, then its nodes; {@code version} is the one read before them. Links
     * first: a node is never deleted and is committed before any link to it, so every link read has its nodes in
     * the later read even while others change the hierarchy (a change that lands between the reads is applied again
     * by its writer, harmlessly, or makes the next read load anew).
     */
    static HierarchyShape load(Connection c, String hierarchyId, long version) throws SQLException {
        HierarchyShape shape = new HierarchyShape(version);
        java.util.List<String[]> links = new java.util.ArrayList<>();
        java.util.List<LocalDate[]> periods = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id, child_id, valid_from, valid_to FROM "
                + "hierarchy_link WHERE hierarchy_id = ?")) {
            ps.setString(1, hierarchyId);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    periods.add(new LocalDate[] {rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, account_id FROM hierarchy_node WHERE "
                + "hierarchy_id = ?")) {
            ps.setString(1, hierarchyId);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shape.node(rs.getString(1), rs.getString(2));
                }
            }
        }
        for (int i = 0; i < links.size(); i++) {
            String[] l = links.get(i);
            shape.link(l[0], l[1], l[2], periods.get(i)[0], periods.get(i)[1]);
        }
        return shape;
    }

    synchronized long version() {
        return version;
    }

    synchronized void version(long version) {
        this.version = version;
    }

    synchronized void node(String id, String accountId) {
        if (nodeIndex.containsKey(id)) {
            return;
        }
        if (nodes == ids.length) {
            int n = nodes * 2;
            ids = Arrays.copyOf(ids, n);
            accounts = Arrays.copyOf(accounts, n);
            out = Arrays.copyOf(out, n);
        }
        ids[nodes] = id;
        accounts[nodes] = accountId;
        out[nodes] = NONE;
        nodeIndex.put(id, nodes++);
    }

    /** Adds the link, or sets its period if it is known (a link's ends never change). */
    synchronized void link(String id, String parentId, String childId, LocalDate validFrom, LocalDate validTo) {
        Integer known = linkIndex.get(id);
        if (known != null) {
            from[known] = (int) validFrom.toEpochDay();
            to[known] = validTo == null ? OPEN : (int) validTo.toEpochDay();
            return;
        }
        Integer p = nodeIndex.get(parentId);
        Integer ch = nodeIndex.get(childId);
        if (p == null || ch == null) {
            throw new IllegalStateException("link " + id + " between unknown nodes");
        }
        if (links == parent.length) {
            int n = links * 2;
            parent = Arrays.copyOf(parent, n);
            child = Arrays.copyOf(child, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
        }
        parent[links] = p;
        child[links] = ch;
        from[links] = (int) validFrom.toEpochDay();
        to[links] = validTo == null ? OPEN : (int) validTo.toEpochDay();
        int[] mine = out[p];
        int[] grown = Arrays.copyOf(mine, mine.length + 1);
        grown[mine.length] = links;
        out[p] = grown;
        linkIndex.put(id, links++);
    }

    /** A removed link stays as an empty period: no day sees it. */
    synchronized void unlink(String id) {
        Integer known = linkIndex.get(id);
        if (known != null) {
            to[known] = from[known];
        }
    }

    synchronized boolean has(String nodeId) {
        return nodeIndex.containsKey(nodeId);
    }

    /** The subtree under the node on the day, with its accounts (the root's apart); null if the node is unknown. */
    synchronized Walk walk(String rootId, LocalDate day) {
        Integer root = nodeIndex.get(rootId);
        if (root == null) {
            return null;
        }
        int d = (int) day.toEpochDay();
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = root;
        String[] found = new String[64];
        int accountCount = 0;
        int size = 0;
        while (top > 0) {
            int node = stack[--top];
            if (++size > nodes) { // the rules refuse cycles; never loop on broken data
                throw new IllegalStateException("a cycle under node " + rootId + " on " + day);
            }
            if (accounts[node] != null) { // pre-order: the root's account comes first
                if (accountCount == found.length) {
                    found = Arrays.copyOf(found, accountCount * 2);
                }
                found[accountCount++] = accounts[node];
            }
            for (int l : out[node]) {
                if (from[l] <= d && d < to[l]) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = child[l];
                }
            }
        }
        return new Walk(size, accounts[root], Arrays.asList(found).subList(0, accountCount));
    }

    /** The subtree as {@link Subtree}: each node's children of the day and the accounts of account nodes. */
    synchronized Subtree subtree(String rootId, LocalDate day) {
        int root = nodeIndex.get(rootId);
        int d = (int) day.toEpochDay();
        Map<String, List<String>> children = new HashMap<>();
        Map<String, String> accountOf = new HashMap<>();
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        open.push(root);
        int size = 0;
        while (!open.isEmpty()) {
            int node = open.pop();
            if (++size > nodes) {
                throw new IllegalStateException("a cycle under node " + rootId + " on " + day);
            }
            if (accounts[node] != null) {
                accountOf.put(ids[node], accounts[node]);
            }
            for (int l : out[node]) {
                if (from[l] <= d && d < to[l]) {
                    children.computeIfAbsent(ids[node], k -> new java.util.ArrayList<>()).add(ids[child[l]]);
                    open.push(child[l]);
                }
            }
        }
        return new Subtree(rootId, children, accountOf, size);
    }
}
