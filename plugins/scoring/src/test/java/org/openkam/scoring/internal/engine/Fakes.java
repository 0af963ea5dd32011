package org.openkam.scoring.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.JobTracker;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;

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

        @Override
        public void forEach(Caller caller, AccountQuery query, Consumer<Account> consumer) {
            accounts.values().stream().filter(a -> caller.canRead(a.businessUnit()))
                    .filter(a -> query.businessUnit() == null || query.businessUnit().equals(a.businessUnit()))
                    .sorted((x, y) -> x.name().compareTo(y.name())).forEach(consumer);
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

        @Override
        public Page<Account> find(Caller caller, AccountQuery query) {
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
            throw new UnsupportedOperationException();
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
}
