package org.openkam.scoring.internal.engine;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityQuery;
import org.openkam.api.engagement.ActivityRecorded;
import org.openkam.api.engagement.CoordinationWarning;
import org.openkam.api.job.Job;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.money.RateImport;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityClosing;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.PipelineStage;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.AccountPlans;
import org.openkam.api.plan.PlanReview;
import org.openkam.api.plan.PlanReviewDraft;
import org.openkam.api.plan.PlanSummary;
import org.openkam.api.plan.PlanVersion;

/** In-memory stand-ins for the registry's services, scoped by unit like the real ones. */
final class Fakes {

    private Fakes() {
    }

    static final class Accounts implements AccountRegistry {
        final Map<String, Account> accounts = new ConcurrentHashMap<>();

        void put(Account a) {
            accounts.put(a.id(), a);
        }

        @Override
        public Account get(Caller caller, String id) {
            Account a = accounts.get(id);
            if (a == null || !caller.canRead(a.businessUnit())) {
                throw new NotFoundException("account", id);
            }
            return a;
        }

        /** Runs after each streamed pass, e.g. to change accounts between a run's two passes. */
        volatile Runnable afterForEach = () -> { };

        @Override
        public void forEach(Caller caller, AccountQuery query, Consumer<Account> consumer) {
            sorted(caller, query).forEach(consumer);
            afterForEach.run();
        }

        /** Runs before each account a pass over a unit streams, e.g. to stop the engine during its ranking. */
        volatile Consumer<Account> whileStreamingUnit = a -> { };

        /** In an order the engine cannot rely on (by id, descending), as the registry gives none. */
        @Override
        public void forEachInUnit(Caller caller, String businessUnit, Consumer<Account> consumer) {
            accounts.values().stream().filter(a -> caller.canRead(a.businessUnit()))
                    .filter(a -> a.businessUnit().equals(businessUnit))
                    .sorted(Comparator.comparing(Account::id).reversed())
                    .forEach(a -> {
                        whileStreamingUnit.accept(a);
                        consumer.accept(a);
                    });
            afterForEach.run();
        }

        /** By name or by the time of the last change, ties by id, as the registry sorts them. */
        private List<Account> sorted(Caller caller, AccountQuery query) {
            Comparator<Account> order = switch (query.sort()) {
                case NAME -> Comparator.comparing(Account::name);
                case UPDATED_AT -> Comparator.comparing(Account::updatedAt);
                default -> throw new UnsupportedOperationException(query.sort().name());
            };
            order = order.thenComparing(Account::id);
            return accounts.values().stream().filter(a -> caller.canRead(a.businessUnit()))
                    .filter(a -> query.businessUnit() == null || query.businessUnit().equals(a.businessUnit()))
                    .sorted(query.descending() ? order.reversed() : order).toList();
        }

        @Override
        public Account create(Caller caller, AccountDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Account update(Caller caller, String id, long expectedVersion, AccountDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Caller caller, String id, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        /** The ids of each {@link #byIds} call, in the order asked. */
        final List<List<String>> readsByIds = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Account> byIds(Caller caller, Collection<String> ids) {
            readsByIds.add(List.copyOf(ids));
            Map<String, Account> out = new HashMap<>();
            for (String id : ids) {
                Account a = accounts.get(id);
                if (a != null && caller.canRead(a.businessUnit())) {
                    out.put(id, a);
                }
            }
            return out;
        }

        /** Pages by name and id; the cursor is the last account's name and id. */
        @Override
        public Page<Account> find(Caller caller, AccountQuery query) {
            List<Account> after = sorted(caller, query).stream().filter(a -> query.cursor() == null
                    || (a.name() + "\u0000" + a.id()).compareTo(query.cursor()) > 0).toList();
            List<Account> page = after.subList(0, Math.min(query.limit(), after.size()));
            Account last = page.isEmpty() ? null : page.get(page.size() - 1);
            return new Page<>(page, after.size() > page.size() ? last.name() + "\u0000" + last.id() : null, -1);
        }
    }

    /** Active plans by account id; counts the reads. */
    static final class Plans implements AccountPlans {
        final Map<String, AccountPlan> active = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        private final Accounts accounts;

        Plans(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Optional<AccountPlan> active(Caller caller, String accountId, LocalDate on) {
            accounts.get(caller, accountId);
            reads.incrementAndGet();
            return Optional.ofNullable(active.get(accountId));
        }

        @Override
        public Optional<PlanSummary> activeSummary(Caller caller, String accountId, LocalDate today) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccountPlan> list(Caller caller, String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountPlan get(Caller caller, String accountId, String planId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountPlan create(Caller caller, String accountId, AccountPlanDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AccountPlan update(Caller caller, String accountId, String planId, long expectedVersion,
                AccountPlanDraft draft, boolean closeFollowUps) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Caller caller, String accountId, String planId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlanReview addReview(Caller caller, String accountId, String planId, PlanReviewDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PlanReview> reviews(Caller caller, String accountId, String planId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PlanVersion> versions(Caller caller, String accountId, String planId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlanVersion version(Caller caller, String accountId, String planId, long version) {
            throw new UnsupportedOperationException();
        }
    }

    /** Open opportunities by account id; counts the reads; fails for the accounts in {@code broken}. */
    static final class Pipeline implements Opportunities {
        final Map<String, List<Opportunity>> open = new ConcurrentHashMap<>();
        final Set<String> broken = ConcurrentHashMap.newKeySet();
        final AtomicInteger reads = new AtomicInteger();
        private final Accounts accounts;

        Pipeline(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public List<Opportunity> open(Caller caller, String accountId) {
            accounts.get(caller, accountId);
            reads.incrementAndGet();
            if (broken.contains(accountId)) {
                throw new IllegalStateException("the database is unreachable");
            }
            return open.getOrDefault(accountId, List.of());
        }

        @Override
        public List<PipelineStage> stages() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Opportunity> list(Caller caller, String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PipelineSummary summary(Caller caller, String accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<org.openkam.api.pipeline.StagePipeline> pipelineByStage(Caller caller, String businessUnit,
                String owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Opportunity get(Caller caller, String accountId, String opportunityId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Opportunity create(Caller caller, String accountId, OpportunityDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Opportunity update(Caller caller, String accountId, String opportunityId, long expectedVersion,
                OpportunityDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Opportunity close(Caller caller, String accountId, String opportunityId, long expectedVersion,
                OpportunityClosing closing) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Caller caller, String accountId, String opportunityId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }
    }

    /** The last activity by account id; counts the reads. */
    static final class Engagement implements Activities {
        final Map<String, Activity> last = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        private final Accounts accounts;

        Engagement(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Optional<Activity> lastActivity(Caller caller, String accountId) {
            accounts.get(caller, accountId);
            reads.incrementAndGet();
            return Optional.ofNullable(last.get(accountId));
        }

        @Override
        public Page<Activity> list(Caller caller, String accountId, ActivityQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Activity get(Caller caller, String accountId, String activityId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ActivityRecorded create(Caller caller, String accountId, ActivityDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ActivityRecorded update(Caller caller, String accountId, String activityId, long expectedVersion,
                ActivityDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(Caller caller, String accountId, String activityId, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CoordinationWarning> coordination(Caller caller, String accountId, String activityId,
                ActivityDraft draft) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Units implements BusinessUnits {
        final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public BusinessUnit get(Caller caller, String id) {
            if (!ids.contains(id) || !caller.canRead(id)) {
                throw new NotFoundException("business unit", id);
            }
            return new BusinessUnit(id, id, null, 1, Instant.EPOCH, Instant.EPOCH);
        }

        @Override
        public List<BusinessUnit> list(Caller caller) {
            return ids.stream().filter(caller::canRead).sorted().map(id -> get(caller, id)).toList();
        }

        @Override
        public BusinessUnit create(Caller caller, BusinessUnitDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BusinessUnit update(Caller caller, String id, long expectedVersion, BusinessUnitDraft draft) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Jobs implements JobTracker {
        final Map<String, Job> jobs = new ConcurrentHashMap<>();
        /** When set, progress waits for it: holds a run at its start. */
        volatile CountDownLatch gate;
        /** When set, told the id of a job the moment it reads finished, on the thread that finished it. */
        volatile Consumer<String> finished;

        @Override
        public Job create(Caller caller, String type) {
            Job job = new Job(UUID.randomUUID().toString(), type, JobState.QUEUED, 0, -1, List.of(), null,
                    caller.userId(), Instant.now(), null);
            jobs.put(job.id(), job);
            return job;
        }

        @Override
        public void progress(String id, long done, long total) {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            jobs.computeIfPresent(id, (k, j) -> new Job(j.id(), j.type(), JobState.RUNNING, done, total, j.problems(),
                    j.summary(), j.startedBy(), j.createdAt(), null));
        }

        @Override
        public void finish(String id, JobState state, long done, long total, List<JobProblem> problems, String summary) {
            jobs.computeIfPresent(id, (k, j) -> new Job(j.id(), j.type(), state, done, total, new ArrayList<>(problems),
                    summary, j.startedBy(), j.createdAt(), Instant.now()));
            Consumer<String> listener = finished;
            if (listener != null) {
                listener.accept(id);
            }
        }

        /** Waits until the job finished; the timeout is a safety net, not an assertion on speed. */
        Job await(String id) throws InterruptedException {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                Job job = jobs.get(id);
                if (job.state().finished()) {
                    return job;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("job " + id + " did not finish: " + jobs.get(id));
        }
    }

    /** Exchange rates into EUR as set by a test (1 unit = rate EUR); none for a currency that was not set. */
    static final class Rates implements ExchangeRates {
        final Map<String, BigDecimal> toEuro = new ConcurrentHashMap<>(Map.of("EUR", BigDecimal.ONE));

        @Override
        public String reportingCurrency() {
            return "EUR";
        }

        @Override
        public Optional<AppliedRate> rate(String from, String to, LocalDate day) {
            BigDecimal f = toEuro.get(from);
            BigDecimal t = toEuro.get(to);
            return f == null || t == null ? Optional.empty()
                    : Optional.of(new AppliedRate(from, to, f.divide(t, java.math.MathContext.DECIMAL64), day));
        }

        @Override
        public List<ExchangeRate> rates(LocalDate day) {
            return List.of();
        }

        @Override
        public Conversion convert(Map<String, BigDecimal> amounts, String currency, LocalDate day) {
            throw new UnsupportedOperationException("not used by the engine");
        }

        @Override
        public RateImport importEcb(Caller caller, Reader csv) {
            throw new UnsupportedOperationException("not used by the engine");
        }
    }
}
