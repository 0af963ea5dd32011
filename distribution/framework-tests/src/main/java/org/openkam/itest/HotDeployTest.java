package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The vendor-style example plugin installs into the running framework, scores the unit it is enabled for,
 * and uninstalls without taking anything with it but its model; its scores stay readable.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class HotDeployTest {

    private static final String MODEL = "example.growth-potential";

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

    @Test
    void theExamplePluginComesAndGoesWhileTheFrameworkRuns() throws Exception {
        String unit = "vendor-" + UUID.randomUUID().toString().substring(0, 8);
        units.create(ScoringTest.ADMIN, new BusinessUnitDraft(unit, "Vendor " + unit, null));
        Account account = accounts.create(ScoringTest.ADMIN, new AccountDraft(unit, "Growth Ltd", null, null, "DE",
                null, AccountStatus.ACTIVE, KeyAccountTier.KEY, null, new BigDecimal("1000000"), null,
                new BigDecimal("9000000"), "EUR", Map.of()));

        Path jar = Path.of(context.getProperty("openkam.example.plugin"));
        assertTrue(Files.isRegularFile(jar), "the example plugin was built: " + jar);
        Bundle plugin;
        try (InputStream in = Files.newInputStream(jar)) {
            plugin = context.installBundle("itest:example-plugin", in);
        }
        Configuration config = null;
        try {
            plugin.start();
            assertEquals("com.example.kam.scoring", plugin.getSymbolicName());
            assertNotNull(Await.until(Duration.ofSeconds(30), () -> installed()), "the model appears once started");

            config = configurationAdmin.createFactoryConfiguration("com.example.kam.scoring.growth", "?");
            config.update(Dictionaries.dictionaryOf("businessUnit", unit));
            assertNotNull(Await.until(Duration.ofSeconds(30), () -> {
                ModelStatus m = installed();
                return m != null && m.units().containsKey(unit) ? m : null;
            }), () -> "the model is enabled for the unit: " + installed());

            Job job = scoring.rescore(ScoringTest.ADMIN, unit);
            Job done = Await.until(Duration.ofSeconds(60), () -> {
                Job j = jobs.get(ScoringTest.ADMIN, job.id());
                return j.state().finished() ? j : null;
            });
            assertNotNull(done, "the run finishes");
            assertEquals(JobState.SUCCEEDED, done.state(), done::toString);
            ScoreRecord score = current(account);
            assertNotNull(score, "the example model scored the unit's account");
        } finally {
            if (config != null) {
                config.delete();
            }
            plugin.uninstall();
        }

        assertNotNull(Await.until(Duration.ofSeconds(30), () -> installed() == null ? Boolean.TRUE : null),
                "the model is gone with its bundle");
        ScoreRecord kept = current(account);
        assertNotNull(kept, "past scores stay readable");
        assertFalse(kept.modelInstalled(), "and are marked as from an uninstalled model");
    }

    private ModelStatus installed() {
        return scoring.models(ScoringTest.ADMIN).stream().filter(m -> m.id().equals(MODEL)).findFirst().orElse(null);
    }

    private ScoreRecord current(Account a) {
        return scoring.scores(ScoringTest.ADMIN, a.id()).stream().filter(r -> r.modelId().equals(MODEL)).findFirst()
                .orElse(null);
    }
}
