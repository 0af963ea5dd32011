package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.persistence.Database;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.dictionary.Dictionaries;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The registry's services are registered in the framework and work end to end: database, units, accounts, events. */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class CoreServicesTest {

    static final Caller ADMIN = new Caller("itest", "itest", true, Map.of());
    /** The database migrates before the service appears; on a slow machine that takes a few seconds. */
    static final long SERVICE_TIMEOUT = 30_000;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = SERVICE_TIMEOUT)
    Database database;

    @InjectService(timeout = SERVICE_TIMEOUT)
    BusinessUnits units;

    @InjectService(timeout = SERVICE_TIMEOUT)
    AccountRegistry accounts;

    @Test
    void theDatabaseAnswers() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), "SELECT 1 returned no row");
            assertEquals(1, rs.getInt(1));
        }
        assertNotNull(database.dialect());
    }

    @Test
    void createsAUnitAndAnAccountAndPostsTheEvent() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add,
                Dictionaries.dictionaryOf(EventConstants.EVENT_TOPIC, AccountEvents.ACCOUNT_CREATED));
        try {
            String unitId = "itest-" + UUID.randomUUID().toString().substring(0, 8);
            BusinessUnit unit = units.create(ADMIN, new BusinessUnitDraft(unitId, "Integration tests", "made by " + getClass().getName()));
            assertEquals(unitId, unit.id());
            assertEquals("Integration tests", units.get(ADMIN, unitId).name());

            Account created = accounts.create(ADMIN, new AccountDraft(unitId, "Acme Industrial", "Acme Industrial GmbH",
                    "Manufacturing", "de", "DACH", AccountStatus.ACTIVE, KeyAccountTier.KEY, null,
                    new BigDecimal("1200.50"), null, null, "eur", Map.of("source", "itest")));
            Account read = accounts.get(ADMIN, created.id());
            assertEquals(created.id(), read.id());
            assertEquals(unitId, read.businessUnit());
            assertEquals("Acme Industrial", read.name());
            assertEquals("DE", read.country());
            assertEquals("EUR", read.currency());
            assertEquals(new BigDecimal("1200.5"), read.annualSales());
            assertEquals(KeyAccountTier.KEY, read.tier());
            assertEquals(Map.of("source", "itest"), read.attributes());

            Event event = awaitEvent(events, created.id());
            assertNotNull(event, "no " + AccountEvents.ACCOUNT_CREATED + " event for account " + created.id() + " within 10 s");
            assertEquals(unitId, event.getProperty(AccountEvents.BUSINESS_UNIT));
            assertEquals(ADMIN.userId(), event.getProperty(AccountEvents.ACTOR));
        } finally {
            handler.unregister();
        }
    }

    private static Event awaitEvent(BlockingQueue<Event> events, String accountId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && accountId.equals(e.getProperty(AccountEvents.ACCOUNT_ID))) {
                return e;
            }
        }
        return null;
    }
}
