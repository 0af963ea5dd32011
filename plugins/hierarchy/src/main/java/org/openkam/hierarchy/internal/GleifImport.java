package org.openkam.hierarchy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.OpenKamException;
import org.openkam.api.ValidationException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.api.job.JobWorker;

/**
 * Builds a hierarchy from GLEIF's golden copies, as a job: a ZIP holding the RR-CDF and the LEI-CDF CSV files (told
 * apart by their headers). The relationships are read first, so of the millions of entity records only those they
 * name are kept. A LEI is matched to the account whose {@code lei} attribute holds it, or an account is created in
 * the chosen unit from the entity record; a LEI without one gets a placeholder grouping node. A link that is already
 * there is left as it is, so importing the same files again changes nothing.
 */
final class GleifImport {

    static final String JOB_TYPE = "hierarchy-gleif-import";
    static final String LEI_ATTRIBUTE = "lei";
    private static final String PLACEHOLDER = "LEI ";

    private final HierarchyStore store;
    private final AccountRegistry accounts;
    private final JobTracker jobs;
    private final Runnable checkpoint;

    /** {@code checkpoint} is called between writes: the shutdown's safe points ({@link JobWorker#checkpoint()}). */
    GleifImport(HierarchyStore store, AccountRegistry accounts, JobTracker jobs, Runnable checkpoint) {
        this.checkpoint = checkpoint;
        this.store = store;
        this.accounts = accounts;
        this.jobs = jobs;
    }

    /** Runs the job to its end; every failure ends up in the job, never thrown. */
    void run(Caller caller, Hierarchy hierarchy, String unit, Path zip, String jobId) {
        List<JobProblem> problems = new ArrayList<>();
        try (ZipFile files = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            jobs.progress(jobId, 0, -1);
            ZipEntry rr = entry(files, GleifFiles.RR_START);
            ZipEntry lei = entry(files, "LEI");
            if (rr == null || lei == null) {
                jobs.finish(jobId, JobState.FAILED, 0, 0, List.of(new JobProblem(0, "file", "the ZIP must hold an "
                        + "RR-CDF and a LEI-CDF golden-copy CSV file")), "nothing imported");
                return;
            }
            List<GleifRelationship> relationships;
            try (Reader in = reader(files, rr)) {
                relationships = GleifFiles.relationships(in, rr.getName(), problems);
            }
            Map<String, GleifEntity> entities;
            List<String> wanted = new ArrayList<>();
            relationships.forEach(r -> {
                wanted.add(r.start());
                wanted.add(r.end());
            });
            try (Reader in = reader(files, lei)) {
                entities = GleifFiles.entities(in, lei.getName(), new HashSet<>(wanted), problems);
            }
            GleifPlan plan = GleifPlan.of(relationships, entities, rr.getName());
            problems.addAll(plan.problems());
            Counts counts = apply(caller, hierarchy, unit, plan, entities, problems, jobId);
            problems.sort((a, b) -> Long.compare(a.line(), b.line()));
            jobs.finish(jobId, JobState.SUCCEEDED, plan.edges().size(), plan.edges().size(), problems,
                    counts + ", " + problems.size() + " problem(s)");
        } catch (GleifFiles.Malformed e) { // read before anything is stored: nothing was
            problems.add(new JobProblem(e.line, e.file, e.getMessage()));
            problems.sort((a, b) -> Long.compare(a.line(), b.line()));
            jobs.finish(jobId, JobState.FAILED, 0, 0, problems, "nothing imported: " + e.file + " is malformed at line "
                    + e.line);
        } catch (JobWorker.Stopped e) {
            jobs.finish(jobId, JobState.INTERRUPTED, 0, -1, problems, "The node shut down during the import; what was "
                    + "stored stays. Import the file again: what is there already is left as it is.");
        } catch (IOException | RuntimeException e) {
            problems.add(new JobProblem(0, "file", "the import stopped: " + e.getMessage()));
            jobs.finish(jobId, JobState.FAILED, 0, -1, problems, "the import stopped");
        }
    }

    /** What a run changed. */
    record Counts(int accountsCreated, int nodesCreated, int linksCreated, int linksUnchanged) {
        @Override
        public String toString() {
            return accountsCreated + " account(s) and " + nodesCreated + " node(s) created, " + linksCreated
                    + " link(s) created, " + linksUnchanged + " unchanged";
        }
    }

    private Counts apply(Caller caller, Hierarchy hierarchy, String unit, GleifPlan plan,
            Map<String, GleifEntity> entities, List<JobProblem> problems, String jobId) {
        Map<String, Account> byLei = new HashMap<>();
        accounts.forEach(caller, AccountQuery.all(), a -> {
            String lei = a.attributes().get(LEI_ATTRIBUTE);
            if (lei != null) {
                byLei.putIfAbsent(lei, a);
            }
        });
        Map<String, HierarchyNode> existing = store.nodes(hierarchy.id());
        Map<String, HierarchyNode> byAccount = new HashMap<>();
        Map<String, HierarchyNode> byName = new HashMap<>();
        existing.values().forEach(n -> {
            if (n.grouping()) {
                byName.put(n.name(), n);
            } else {
                byAccount.put(n.accountId(), n);
            }
        });
        int accountsCreated = 0;
        int nodesCreated = 0;
        Map<String, HierarchyNode> nodeOfLei = new HashMap<>();
        for (String lei : plan.leis()) {
            checkpoint.run();
            GleifEntity entity = entities.get(lei);
            try {
                HierarchyNode node;
                if (entity == null) {
                    node = byName.get(PLACEHOLDER + lei);
                    if (node == null) {
                        node = store.addNode(caller, hierarchy.id(), null, PLACEHOLDER + lei, hierarchy.businessUnit());
                        nodesCreated++;
                    }
                } else {
                    Account account = byLei.get(lei);
                    if (account == null) {
                        account = accounts.create(caller, new AccountDraft(unit, HierarchyStore.cut(entity.legalName()),
                                entity.legalName(), null, entity.legalCountry(), null, null, null, null, null, null,
                                null, null, Map.of(LEI_ATTRIBUTE, lei)));
                        byLei.put(lei, account);
                        accountsCreated++;
                    }
                    node = byAccount.get(account.id());
                    if (node == null) {
                        node = store.addNode(caller, hierarchy.id(), account.id(), account.name(),
                                account.businessUnit());
                        byAccount.put(account.id(), node);
                        nodesCreated++;
                    }
                }
                nodeOfLei.put(lei, node);
            } catch (OpenKamException e) {
                problems.add(new JobProblem(plan.placeholders().getOrDefault(lei, 0L), "LEI", lei + ": "
                        + e.getMessage()));
            }
        }
        int created = 0;
        int unchanged = 0;
        int done = 0;
        for (GleifPlan.Edge edge : plan.edges()) {
            checkpoint.run();
            HierarchyNode child = nodeOfLei.get(edge.child());
            HierarchyNode parent = nodeOfLei.get(edge.parent());
            if (child != null && parent != null) {
                Optional<HierarchyLink> same = store.parentLinks(hierarchy.id(), child.id()).stream()
                        .filter(l -> l.parentId().equals(parent.id()) && l.type() == edge.type()
                                && l.validFrom().equals(edge.from()) && Objects.equals(l.validTo(), edge.to()))
                        .findFirst();
                if (same.isPresent()) {
                    unchanged++;
                } else {
                    try {
                        store.link(caller, hierarchy.id(), new LinkDraft(parent.id(), child.id(), edge.type(),
                                edge.from(), edge.to()));
                        created++;
                    } catch (ConflictException | ValidationException e) {
                        problems.add(new JobProblem(edge.line(), "link", e.getMessage()));
                    }
                }
            }
            if (++done % 100 == 0) {
                jobs.progress(jobId, done, plan.edges().size());
            }
        }
        return new Counts(accountsCreated, nodesCreated, created, unchanged);
    }

    /** The entry whose header starts with the column, or {@code null}. */
    private static ZipEntry entry(ZipFile files, String firstColumn) throws IOException {
        for (ZipEntry e : Collections.list(files.entries())) {
            if (e.isDirectory()) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(reader(files, e))) {
                String header = in.readLine();
                if (header != null && header.replace("\"", "").replace("\uFEFF", "").startsWith(firstColumn + ",")) {
                    return e;
                }
            }
        }
        return null;
    }

    private static Reader reader(ZipFile files, ZipEntry entry) throws IOException {
        return new InputStreamReader(files.getInputStream(entry), StandardCharsets.UTF_8);
    }
}
