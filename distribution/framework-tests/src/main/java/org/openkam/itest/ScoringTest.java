package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobState;
import org.openkam.api.job.Jobs;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ModelState;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The scoring plugin in the running framework: the built-in models are installed and enabled per unit by a
 * factory configuration; models registered here that throw, sleep past the time budget or spin forever are
 * quarantined with a reason while a good model's results are unaffected; a changed account is rescored.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ScoringTest {

    static final Caller ADMIN = new Caller("itest", "itest", true, Map.of());
    static final Set<String> BUILT_IN = Set.of("weighted-criteria", "portfolio-matrix", "abc-analysis",
            "customer-lifetime-value", "share-of-wallet", "account-health");
    /** Lets the spinning model's thread end once the test is over. */
    private static volatile boolean spinning;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Scoring scoring;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Jobs jobs;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    BusinessUnits units;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    AccountRegistry accounts;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurationAdmin;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private String suffix;
    private String unit;
    private List<Account> created;

    @BeforeEach
    void unitWithAccounts() {
        spinning = true;
        suffix = UUID.randomUUID().toString().substring(0, 8);
        unit = "score-" + suffix;
        units.create(ADMIN, new BusinessUnitDraft(unit, "Scoring " + suffix, null));
        created = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            created.add(accounts.create(ADMIN, new AccountDraft(unit, "Account " + i, null, null, "DE", null,
                    AccountStatus.ACTIVE, KeyAccountTier.NONE, null, BigDecimal.valueOf(1000L * i),
                    BigDecimal.valueOf(100L * i), BigDecimal.valueOf(9000L * i), "EUR", Map.of())));
        }
    }

    @AfterEach
    void unregister() {
        spinning = false;
        registrations.forEach(ServiceRegistration::unregister);
    }

    @Test
    void theBuiltInModelsAreInstalledAndEnabledByAFactoryConfigurationPerUnit() throws Exception {
        Set<String> installed = Await.until(Duration.ofSeconds(30), () -> {
            Set<String> ids = scoring.models(ADMIN).stream().map(ModelStatus::id).collect(Collectors.toSet());
            return ids.containsAll(BUILT_IN) ? ids : null;
        });
        assertNotNull(installed, () -> "built-in models missing: " + scoring.models(ADMIN));
        assertTrue(model("abc-analysis").units().isEmpty(), "without a configuration a model is enabled nowhere");

        // "?": a multi-location binding, so the scoring bundle's components receive it
        Configuration config = configurationAdmin.createFactoryConfiguration("org.openkam.scoring.abc", "?");
        try {
            config.update(Dictionaries.dictionaryOf("businessUnit", unit, "a.cutoff", 70.0, "b.cutoff", 85.0));
            // the unconfigured instance gives way to the configured one: the model may be gone for a moment
            ModelStatus enabled = Await.until(Duration.ofSeconds(20), () -> {
                ModelStatus m = installed("abc-analysis");
                return m != null && m.units().containsKey(unit) ? m : null;
            });
            assertNotNull(enabled, () -> "abc-analysis never showed the unit: " + model("abc-analysis"));
            assertEquals("70", enabled.units().get(unit).parameters().get("a.cutoff"));

            Job job = await(scoring.rescore(ADMIN, unit));
            assertEquals(JobState.SUCCEEDED, job.state(), job.toString());
            assertEquals(4, job.done());
            // sales 4000, 3000, 2000, 1000 of 10000: the shares before them are 0, 40, 70 and 90 %; with the
            // cut-offs at 70 and 85 % that is A, A, B, C
            assertEquals(List.of("C", "B", "A", "A"), created.stream().map(a -> classOf(a, "abc-analysis")).toList());
        } finally {
            config.delete();
        }
        assertNotNull(Await.until(Duration.ofSeconds(20), () -> {
            ModelStatus m = installed("abc-analysis");
            return m != null && m.units().isEmpty() ? m : null;
        }), "deleting the configuration disables the model for the unit, the model stays installed");
    }

    @Test
    void modelsThatThrowSleepOrSpinAreQuarantinedWhileAGoodModelCarriesOn() throws Exception {
        String good = install("itest-good-" + suffix, f -> Score.of(f.annualSales().doubleValue() / 100, null, List.of()));
        String thrower = install("itest-thrower-" + suffix, f -> {
            throw new IllegalStateException("deliberately broken");
        });
        String sleeper = install("itest-sleeper-" + suffix, f -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Score.of(1, null, List.of());
        });
        String spinner = install("itest-spinner-" + suffix, f -> {
            long n = 0;
            while (spinning) {
                n++; // busy, and deaf to interruption
            }
            return Score.of(n % 2, null, List.of());
        });

        Job job = await(scoring.rescore(ADMIN, unit));
        assertEquals(JobState.SUCCEEDED, job.state(), job.toString());

        ModelStatus threw = model(thrower);
        assertEquals(ModelState.QUARANTINED, threw.state());
        assertTrue(threw.reason().contains("deliberately broken"), threw.reason());
        ModelStatus slept = model(sleeper);
        assertEquals(ModelState.QUARANTINED, slept.state());
        assertTrue(slept.reason().contains("exceeded its time budget"), slept.reason());
        ModelStatus spun = model(spinner);
        assertEquals(ModelState.QUARANTINED, spun.state());
        assertTrue(spun.reason().contains("exceeded its time budget"), spun.reason());
        assertEquals(ModelState.ACTIVE, model(good).state());

        for (Account a : created) {
            // the accounts' creation may be rescored after the run too: look for the run's score in the history
            ScoreRecord r = scoring.history(ADMIN, a.id(), good, Scoring.MAX_HISTORY).stream()
                    .filter(s -> job.id().equals(s.runId())).findFirst().orElse(null);
            assertNotNull(r, () -> "the good model scored " + a.name() + " in the run: " + scoring.scores(ADMIN, a.id()));
            assertEquals(a.annualSales().divide(BigDecimal.valueOf(100)).setScale(1), r.score().value());
            assertEquals(r.score(), current(a, good).score());
            assertNull(current(a, thrower), "a failing model stores nothing");
        }
    }

    @Test
    void aChangedAccountIsRescored() throws Exception {
        String good = install("itest-changes-" + suffix, f -> Score.of(f.annualSales().doubleValue() / 100, null,
                List.of()));
        // scored in a run first: until then, changes of a unit its models never scored wait for its first run
        assertEquals(JobState.SUCCEEDED, await(scoring.rescore(ADMIN, unit)).state());
        Account a = created.get(0);
        accounts.update(ADMIN, a.id(), a.version(), new AccountDraft(unit, a.name(), null, null, "DE", null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, null, BigDecimal.valueOf(5000), a.contributionMargin(),
                a.potential(), "EUR", Map.of()));
        ScoreRecord r = Await.until(Duration.ofSeconds(20), () -> {
            ScoreRecord s = current(a, good);
            return s != null && s.score().value().compareTo(BigDecimal.valueOf(50)) == 0 ? s : null;
        });
        assertNotNull(r, () -> "the changed account was not rescored: " + scoring.scores(ADMIN, a.id()));
        assertNull(r.runId(), "a rescoring after a change belongs to no run");
    }

    private String install(String id, Function<AccountFacts, Score> behaviour) {
        registrations.add(context.registerService(ScoringModel.class, new ScoringModel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public ModelDescription description() {
                return new ModelDescription(id, "registered by the in-framework test", List.of(), Map.of());
            }

            @Override
            public Score score(AccountFacts facts) {
                return behaviour.apply(facts);
            }
        }, Dictionaries.dictionaryOf(ScoringModel.BUSINESS_UNIT, unit)));
        return id;
    }

    private ModelStatus model(String id) {
        return scoring.model(ADMIN, id);
    }

    /** The model's status, or {@code null} while it is not installed. */
    private ModelStatus installed(String id) {
        return scoring.models(ADMIN).stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    private ScoreRecord current(Account a, String modelId) {
        return scoring.scores(ADMIN, a.id()).stream().filter(r -> r.modelId().equals(modelId)).findFirst().orElse(null);
    }

    private String classOf(Account a, String modelId) {
        ScoreRecord r = current(a, modelId);
        return r == null || r.score() == null ? null : r.score().classification().id();
    }

    private Job await(Job started) throws InterruptedException {
        Job job = Await.until(Duration.ofSeconds(120), () -> {
            Job j = jobs.get(ADMIN, started.id());
            return j.state().finished() ? j : null;
        });
        assertNotNull(job, () -> "job " + started.id() + " did not finish: " + jobs.get(ADMIN, started.id()));
        return job;
    }
}
