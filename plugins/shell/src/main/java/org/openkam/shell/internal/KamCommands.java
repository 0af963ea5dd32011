package org.openkam.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.OpenKamException;
import org.openkam.api.Page;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.AccountTransfer;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.Jobs;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.Users;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code kam:*} Gogo commands for integrators. They call the OpenKAM API services as a global administrator
 * named {@value #CALLER_NAME} (whoever holds the terminal holds the process), print to the session's output, and
 * report a refused or failed command as one line on the error output, never as a stack trace (that goes to the
 * log). Every public method is a command: Gogo dispatches by name and number of arguments.
 */
@Component(service = KamCommands.class, property = {
    "osgi.command.scope=kam",
    "osgi.command.function=bu",
    "osgi.command.function=accounts",
    "osgi.command.function=import",
    "osgi.command.function=plugins",
    "osgi.command.function=rescore"})
public final class KamCommands {

    static final String CALLER_NAME = "openkam-shell";
    /** The caller every command runs as: a global administrator, recorded as such in the audit trail. */
    static final Caller CALLER = new Caller(CALLER_NAME, CALLER_NAME, true, Map.of());
    static final int DEFAULT_LIMIT = 20;
    private static final long POLL_MILLIS = 250;
    private static final long PROGRESS_MILLIS = 1000;
    static final String IMPORT_USAGE = """
            kam:import [-p | --partial] <file.csv> <unit>
               Imports accounts from a CSV file into a business unit, as POST /api/v1/accounts/import does, and
               waits for the job. The file has a header row and the columns an export writes (name at least);
               lines without a businessUnit get <unit>, lines naming another unit are refused. A relative path
               is read from the folder OpenKAM was started in. All or nothing by default: if any line is bad,
               nothing is stored and every bad line is listed; --partial stores the good lines.
            """;
    private static final Logger LOG = LoggerFactory.getLogger(KamCommands.class);

    private final BundleContext context;
    private final BusinessUnits units;
    private final AccountRegistry accounts;
    private final AccountTransfer transfer;
    private final Jobs jobs;
    private final Users users;
    private final Path workingDirectory;

    /** The scoring engine, while its bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Scoring scoring;

    @Activate
    public KamCommands(BundleContext context, @Reference BusinessUnits units, @Reference AccountRegistry accounts,
            @Reference AccountTransfer transfer, @Reference Jobs jobs, @Reference Users users) {
        this.context = context;
        this.units = units;
        this.accounts = accounts;
        this.transfer = transfer;
        this.jobs = jobs;
        this.users = users;
        // bin/openkam runs the JVM in the install folder and passes the folder it was started from
        String cwd = context.getProperty("openkam.cwd");
        this.workingDirectory = Path.of(cwd == null || cwd.isBlank() ? System.getProperty("user.dir") : cwd);
    }

    @Descriptor("list the business units with their number of accounts")
    public void bu() {
        run("kam:bu", out -> {
            Table table = new Table("ID", "NAME", "ACCOUNTS");
            for (BusinessUnit unit : units.list(CALLER)) {
                table.row(unit.id(), unit.name(), count(unit.id()));
            }
            out.print(table.size() == 0 ? "No business unit yet; create one with: kam:bu <id> <name>\n"
                    : table.render());
        });
    }

    @Descriptor("create a business unit")
    public void bu(@Descriptor("the unit's id: 2-40 lower-case letters, digits or '-', starting with a letter")
            String id, @Descriptor("the unit's name (quote it if it has spaces)") String name) {
        run("kam:bu", out -> {
            BusinessUnit unit = units.create(CALLER, new BusinessUnitDraft(id, name, null));
            out.println("Created business unit " + unit.id() + " (" + unit.name() + ")");
        });
    }

    @Descriptor("list accounts of every business unit, by name")
    public void accounts(@Descriptor("how many to show (1-500)") @Parameter(names = {"-n", "--limit"},
            absentValue = "20") int limit) {
        listAccounts(null, null, limit);
    }

    @Descriptor("list the accounts of a business unit, by name")
    public void accounts(@Descriptor("how many to show (1-500)") @Parameter(names = {"-n", "--limit"},
            absentValue = "20") int limit, @Descriptor("business unit id, or '*' (quoted) for every unit")
            String unit) {
        listAccounts(unit, null, limit);
    }

    @Descriptor("search the accounts of a business unit by part of their name or legal name")
    public void accounts(@Descriptor("how many to show (1-500)") @Parameter(names = {"-n", "--limit"},
            absentValue = "20") int limit, @Descriptor("business unit id, or '*' (quoted) for every unit")
            String unit, @Descriptor("part of the name, case-insensitive") String search) {
        listAccounts(unit, search, limit);
    }

    @Descriptor("import accounts from a CSV file into a business unit, as POST /api/v1/accounts/import does")
    public void _import(@Descriptor("store the good lines even if some are bad (default: all or nothing)")
            @Parameter(names = {"-p", "--partial"}, absentValue = "false", presentValue = "true") boolean partial,
            @Descriptor("the CSV file (header row; columns as the export writes them)") String file,
            @Descriptor("the business unit for lines that name none") String unit) {
        run("kam:import", out -> importFile(out, file, unit, partial));
    }

    /**
     * Gogo's {@code help} finds commands by method name, which {@code import} cannot be: this prints the usage
     * instead, as {@code kam:import} without arguments.
     */
    @Descriptor("print the usage of kam:import")
    public void _import() {
        System.out.print(IMPORT_USAGE);
    }

    @Descriptor("list the OpenKAM bundles and plugins, their scoring models and the models enabled per unit")
    public void plugins() {
        run("kam:plugins", out -> {
            Scoring engine = scoring;
            List<ModelStatus> models = engine == null ? null : engine.models(CALLER);
            List<String> unitIds = units.list(CALLER).stream().map(BusinessUnit::id).toList();
            out.print(PluginReport.render(bundles(), models, unitIds));
        });
    }

    @Descriptor("rescore every business unit with the models enabled for it")
    public void rescore() {
        run("kam:rescore", out -> {
            Scoring engine = requireScoring();
            Map<String, Job> started = new LinkedHashMap<>();
            for (BusinessUnit unit : units.list(CALLER)) {
                try {
                    Job job = engine.rescore(CALLER, unit.id());
                    out.println(unit.id() + ": rescoring as job " + job.id());
                    started.put(unit.id(), job);
                } catch (ConflictException e) {
                    out.println(unit.id() + ": skipped, " + e.getMessage());
                }
            }
            for (Map.Entry<String, Job> e : started.entrySet()) {
                report(out, e.getKey() + ": ", await(out, e.getValue()), null);
            }
        });
    }

    @Descriptor("rescore one business unit with the models enabled for it")
    public void rescore(@Descriptor("the business unit id") String unit) {
        run("kam:rescore", out -> {
            Job job = requireScoring().rescore(CALLER, unit);
            out.println(unit + ": rescoring as job " + job.id());
            report(out, unit + ": ", await(out, job), null);
        });
    }

    private void listAccounts(String unit, String search, int limit) {
        run("kam:accounts", out -> {
            if (limit < 1 || limit > AccountQuery.MAX_LIMIT) {
                throw new IllegalArgumentException("--limit must be between 1 and " + AccountQuery.MAX_LIMIT);
            }
            if (unit != null && unit.startsWith("[")) {
                // Gogo expands an unquoted * to the file names of the working folder
                throw new IllegalArgumentException("quote the * for every unit: kam:accounts '*'"
                        + (search == null ? "" : " " + search));
            }
            String onlyUnit = unit == null || unit.equals(ScoringModel.EVERY_UNIT) ? null : unit;
            if (onlyUnit != null) {
                units.get(CALLER, onlyUnit);
            }
            String text = search == null || search.isBlank() ? null : search.strip();
            Page<Account> page = accounts.find(CALLER, new AccountQuery(onlyUnit, null, null, null, null, text,
                    AccountSort.NAME, false, limit, 0, null, true));
            if (page.items().isEmpty()) {
                out.println("No accounts" + (onlyUnit == null ? "" : " in " + onlyUnit)
                        + (text == null ? "" : " matching '" + text + "'") + ".");
                return;
            }
            Map<String, String> usernames = new HashMap<>();
            users.list(CALLER).forEach(u -> usernames.put(u.id(), u.username()));
            Table table = new Table("ID", "NAME", "UNIT", "TIER", "OWNER");
            for (Account a : page.items()) {
                table.row(a.id(), a.name(), a.businessUnit(), a.tier().name().toLowerCase(),
                        a.owner() == null ? null : usernames.getOrDefault(a.owner(), a.owner()));
            }
            out.print(table.render());
            out.println(page.items().size() + " of " + page.total() + " account(s)"
                    + (page.total() > page.items().size() ? "; show more with -n N, or narrow with a unit or a search"
                            : ""));
        });
    }

    private void importFile(PrintStream out, String file, String unit, boolean partial)
            throws IOException, InterruptedException {
        Path source;
        try {
            source = workingDirectory.resolve(file).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
            throw new IllegalArgumentException("no readable file " + source);
        }
        units.get(CALLER, unit);
        Path spool = Files.createTempFile("openkam-shell-import-", ".csv");
        UnitCsv.Prepared prepared;
        try {
            prepared = UnitCsv.prepare(source, unit, spool);
        } catch (RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        if (!prepared.problems().isEmpty() && !partial) {
            Files.deleteIfExists(spool);
            out.println("Import refused: " + prepared.problems().size()
                    + " line(s) cannot go into " + unit + "; nothing was stored.");
            printProblems(out, prepared.problems());
            return;
        }
        Job job = transfer.startImport(CALLER, spool, !partial);
        out.println("Importing " + source.getFileName() + " into " + unit + " as job " + job.id()
                + (partial ? " (partial: good lines are stored)" : " (all or nothing)"));
        Job done = await(out, job);
        report(out, "Import ", done, prepared);
    }

    /** Polls a job until it ends, printing its progress at most once a second. */
    private Job await(PrintStream out, Job job) throws InterruptedException {
        Job current = job;
        long lastPrint = System.nanoTime();
        long lastDone = -1;
        while (!current.state().finished()) {
            Thread.sleep(POLL_MILLIS);
            current = jobs.get(CALLER, job.id());
            if (!current.state().finished() && current.done() != lastDone
                    && System.nanoTime() - lastPrint >= PROGRESS_MILLIS * 1_000_000) {
                out.println("  " + current.done() + (current.total() < 0 ? "" : " of " + current.total()) + " ...");
                lastDone = current.done();
                lastPrint = System.nanoTime();
            }
        }
        return current;
    }

    private static void report(PrintStream out, String prefix, Job job, UnitCsv.Prepared prepared) {
        out.println(prefix + job.state().name().toLowerCase() + ": "
                + (job.summary() == null ? job.done() + " done" : job.summary()));
        List<JobProblem> problems = new ArrayList<>();
        if (prepared != null) {
            problems.addAll(prepared.problems());
            job.problems().stream().map(prepared::inSource).forEach(problems::add);
        } else {
            problems.addAll(job.problems());
        }
        printProblems(out, problems);
    }

    private static void printProblems(PrintStream out, List<JobProblem> problems) {
        problems.stream().sorted(Comparator.comparingLong(JobProblem::line))
                .forEach(p -> out.println("  " + (p.line() > 0 ? "line " + p.line() : "file")
                        + (p.field() == null ? "" : ", " + p.field()) + ": " + p.message()));
    }

    private Scoring requireScoring() {
        Scoring engine = scoring;
        if (engine == null) {
            throw new IllegalStateException("the scoring engine is not running (bundle org.openkam.scoring)");
        }
        return engine;
    }

    private long count(String unit) {
        return accounts.find(CALLER, new AccountQuery(unit, null, null, null, null, null, AccountSort.NAME, false, 1,
                0, null, true)).total();
    }

    /** The OpenKAM bundles and every bundle built on the API, with the scoring models each registers. */
    private List<PluginReport.BundleRow> bundles() {
        Map<Long, Set<String>> models = new HashMap<>();
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(ScoringModel.class.getName(), null);
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                Object service = context.getService(ref);
                try {
                    if (service instanceof ScoringModel model) {
                        models.computeIfAbsent(ref.getBundle().getBundleId(), k -> new TreeSet<>()).add(model.id());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Scoring model service {} cannot tell its id", ref, e);
                } finally {
                    if (service != null) {
                        context.ungetService(ref);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<PluginReport.BundleRow> rows = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String imports = b.getHeaders("").get(Constants.IMPORT_PACKAGE);
            boolean openKam = b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.openkam.");
            if (openKam || (imports != null && imports.contains("org.openkam.api")) || models.containsKey(b.getBundleId())) {
                rows.add(new PluginReport.BundleRow(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(),
                        state(b.getState()), models.getOrDefault(b.getBundleId(), Set.of())));
            }
        }
        return rows;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }

    /** Runs a command body: the session's output to write to, failures as one line on the error output. */
    private static void run(String command, Body body) {
        PrintStream out = System.out;
        try {
            body.run(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println(command + ": interrupted; a job started keeps running, see GET /api/v1/jobs/{id}");
        } catch (OpenKamException | IllegalArgumentException | IllegalStateException e) {
            System.err.println(command + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            System.err.println(command + ": " + e.getCause().getMessage());
        } catch (IOException e) {
            System.err.println(command + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed", command, e);
            System.err.println(command + ": failed: " + e + " (details in logs/openkam.log)");
        } finally {
            out.flush();
        }
    }

    @FunctionalInterface
    private interface Body {
        void run(PrintStream out) throws IOException, InterruptedException;
    }
}
