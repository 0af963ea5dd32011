package org.openkam.hierarchy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.testing.TestDatabase;

/**
 * GLEIF golden copies written to the published RR-CDF and LEI-CDF layouts ({@code src/test/resources/gleif}): a
 * holding with a German subsidiary (already an account, matched by its {@code lei}), a British one that moved under
 * the German one in 2021 (an inactive relationship with an end, then an active one), a French branch, a subsidiary
 * without an entity record, an inactive relationship without an end, an ultimate parent that disagrees with the
 * direct chain, a broken entity record; then the same files again; and a file that is no CSV. On every supported
 * database ({@link H2GleifImportTest}, {@link PostgresGleifImportTest}).
 */
abstract class GleifImportContract {

    static final Caller ADMIN = new Caller("user-admin", "admin", true, Map.of());
    static final String HOLD = "ACMEHOLD000000000042";
    static final String DE = "ACMEDE00000000000042";
    static final String UK = "ACMEUK00000000000042";
    static final String BR = "ACMEBRANCHFR00000042";
    static final String GHOST = "ACMEGHOST00000000042";

    @TempDir
    Path dir;

    final Map<String, Account> accounts = new LinkedHashMap<>();
    final Map<String, Job> finished = new LinkedHashMap<>();
    HierarchyStore store;
    Hierarchy hierarchy;
    GleifImport gleif;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        store = new HierarchyStore(db().database());
        hierarchy = store.create(ADMIN, "Acme", "industrial");
        account("Acme Deutschland (ours)", "DE", Map.of("lei", DE));
        gleif = new GleifImport(store, registry(), tracker(), () -> { });
    }

    Account account(String name, String country, Map<String, String> attributes) {
        Account a = new Account(UUID.randomUUID().toString(), "industrial", name, null, null, country, null,
                AccountStatus.ACTIVE, KeyAccountTier.NONE, null, null, null, null, null, attributes, 1, Instant.now(),
                Instant.now());
        accounts.put(a.id(), a);
        return a;
    }

    Path zip(String rr) throws IOException {
        Path zip = dir.resolve(UUID.randomUUID() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("lei-cdf.csv", "rr-cdf.csv")) { // entities first, as GLEIF lists them
                out.putNextEntry(new ZipEntry("20270308-gleif-goldencopy-" + name));
                if (name.equals("rr-cdf.csv") && rr != null) {
                    out.write(rr.getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                try (InputStream in = GleifImportContract.class.getResourceAsStream("/gleif/" + name)) {
                    in.transferTo(out);
                }
            }
        }
        return zip;
    }

    Job run() throws IOException {
        return run(null);
    }

    /** Imports the golden copies, the relationship file replaced by {@code rr} unless {@code null}. */
    Job run(String rr) throws IOException {
        String id = UUID.randomUUID().toString();
        gleif.run(ADMIN, hierarchy, "industrial", zip(rr), id);
        return finished.get(id);
    }

    List<String> path(String lei, LocalDate day) {
        HierarchyNode node = nodeOf(lei);
        return store.ancestors(hierarchy.id(), node.id(), day).stream().map(HierarchyNode::name).toList();
    }

    HierarchyNode nodeOf(String lei) {
        return store.nodes(hierarchy.id()).values().stream().filter(n -> n.grouping() ? n.name().equals("LEI " + lei)
                : lei.equals(accounts.get(n.accountId()).attributes().get("lei"))).findFirst().orElseThrow();
    }

    @Test
    void theTreeIsBuiltFromDirectAndBranchLinksWithEveryProblemLineNumbered() throws IOException {
        Job job = run();

        assertEquals(JobState.SUCCEEDED, job.state());
        assertEquals("3 account(s) and 5 node(s) created, 5 link(s) created, 0 unchanged, 4 problem(s)",
                job.summary());
        List<String> problems = job.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.message())
                .toList();
        assertEquals(4, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("6 20270308-gleif-goldencopy-rr-cdf.csv.Relationship.StartNode.NodeID: "
                + "no entity record for " + GHOST), problems::toString);
        assertTrue(problems.get(1).startsWith("7 20270308-gleif-goldencopy-rr-cdf.csv.Relationship.RelationshipStatus: "
                + "inactive"), problems::toString);
        assertTrue(problems.get(2).startsWith("8 20270308-gleif-goldencopy-lei-cdf.csv.LEI: is not a LEI"),
                problems::toString);
        assertEquals("9 20270308-gleif-goldencopy-rr-cdf.csv.Relationship.EndNode.NodeID: the ultimate parent "
                + "OTHERULT000000000042 disagrees with the direct chain "
                + BR + " > " + DE + " > " + HOLD, problems.get(3));

        assertEquals("Acme Deutschland (ours)", nodeOf(DE).name(), "matched by its lei attribute, not created");
        assertEquals(List.of("Acme Holding AG"), path(UK, LocalDate.of(2020, 6, 1)));
        assertEquals(List.of("Acme Deutschland (ours)", "Acme Holding AG"), path(UK, LocalDate.of(2022, 1, 1)));
        assertEquals(LinkType.BRANCH, store.parentLinks(hierarchy.id(), nodeOf(BR).id()).get(0).type());
        assertEquals(List.of("Acme Holding AG"), path(GHOST, LocalDate.of(2020, 1, 1)), "the placeholder is placed");
        assertEquals(4, accounts.size());
        assertEquals("CH", accounts.values().stream().filter(a -> HOLD.equals(a.attributes().get("lei")))
                .findFirst().orElseThrow().country());
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws IOException {
        run();
        int links = store.links(hierarchy.id()).size();
        int events = db().events(HierarchyStore.TOPIC + "/link/CREATED").size();

        Job again = run();

        assertTrue(again.summary().startsWith("0 account(s) and 0 node(s) created, 0 link(s) created, 5 unchanged"),
                again.summary());
        assertEquals(links, store.links(hierarchy.id()).size());
        assertEquals(events, db().events(HierarchyStore.TOPIC + "/link/CREATED").size());
        assertEquals(4, accounts.size());
    }

    @Test
    void aZipWithoutBothFilesFailsTheJobNamingTheFile() throws IOException {
        Path zip = dir.resolve("half.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("rr.csv"));
            try (InputStream in = GleifImportContract.class.getResourceAsStream("/gleif/rr-cdf.csv")) {
                in.transferTo(out);
            }
        }
        gleif.run(ADMIN, hierarchy, "industrial", zip, "half");
        assertEquals(JobState.FAILED, finished.get("half").state());
        assertEquals("file", finished.get("half").problems().get(0).field());
        assertEquals(0, store.links(hierarchy.id()).size());
    }

    @Test
    void aFileThatIsNoCsvFailsTheJobNamingTheLineAndStoresNothing() throws IOException {
        String rr;
        try (InputStream in = GleifImportContract.class.getResourceAsStream("/gleif/rr-cdf.csv")) {
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n")));
            lines.set(3, lines.get(3).replaceFirst("\"LEI\",", "\"LEI\"x,")); // line 4: junk after a quote
            rr = String.join("\n", lines) + "\n";
        }
        Job job = run(rr);

        assertEquals(JobState.FAILED, job.state(), job.summary());
        assertEquals("nothing imported: 20270308-gleif-goldencopy-rr-cdf.csv is malformed at line 4", job.summary());
        JobProblem malformed = job.problems().get(job.problems().size() - 1);
        assertEquals(4, malformed.line(), job.problems().toString());
        assertEquals("20270308-gleif-goldencopy-rr-cdf.csv", malformed.field());
        assertEquals(0, store.links(hierarchy.id()).size());
        assertEquals(0, store.nodes(hierarchy.id()).size());
        assertEquals(1, accounts.size(), "no account created");

        Job header = run("\"Relationship.StartNode.NodeID\",\"Something.Else\"\n\"ACMEDE00000000000042\",\"x\"\n");
        assertEquals(JobState.FAILED, header.state());
        assertEquals(1, header.problems().get(0).line(), "the header lacks the columns");
        assertTrue(header.problems().get(0).message().contains("Relationship.EndNode.NodeID"),
                header.problems().toString());
    }

    AccountRegistry registry() {
        return new AccountRegistry() {
            @Override
            public Account create(Caller caller, AccountDraft d) {
                return account(d.name(), d.country(), d.attributes());
            }

            @Override
            public Account get(Caller caller, String id) {
                Account a = accounts.get(id);
                if (a == null) {
                    throw new NotFoundException("account", id);
                }
                return a;
            }

            @Override
            public Account update(Caller caller, String id, long expectedVersion, AccountDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(Caller caller, String id, long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<Account> find(Caller caller, AccountQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void forEach(Caller caller, AccountQuery query, Consumer<Account> consumer) {
                new ArrayList<>(accounts.values()).forEach(consumer);
            }
        };
    }

    JobTracker tracker() {
        return new JobTracker() {
            @Override
            public Job create(Caller caller, String type) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void progress(String id, long done, long total) {
                // the tests read the end
            }

            @Override
            public void finish(String id, JobState state, long done, long total, List<JobProblem> problems,
                    String summary) {
                finished.put(id, new Job(id, GleifImport.JOB_TYPE, state, done, total, problems, summary, "user-admin",
                        Instant.now(), Instant.now()));
            }
        };
    }
}
