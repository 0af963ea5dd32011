package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.Contacts;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.Users;
import org.openkam.api.security.Authentication;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import com.google.gson.JsonParser;

/**
 * Each core resource is its own component with only the references it needs, so one missing service costs only its
 * routes: with the registry's contact service disabled, the contact routes are gone (404, no endpoint) while the
 * accounts answer on, their paths leave {@code /api/v1/openapi.json}, and readiness says 503 naming the waiting
 * resource, as documented; enabled again, all is back.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class MissingServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RESOURCE = "org.openkam.rest.internal.ContactsResource";
    private static final String CONTACTS_PATH = "/accounts/{id}/contacts";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    ServiceComponentRuntime scr;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    BusinessUnits units;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    AccountRegistry accounts;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Users users;

    @InjectService(timeout = CoreServicesTest.SERVICE_TIMEOUT)
    Authentication authentication;

    private URI base;
    private String cookie;

    @Test
    void aDisabledServiceCostsOnlyTheRoutesThatNeedIt() throws Exception {
        base = HttpTest.endpoint(context);
        cookie = AdminSession.cookie(users, authentication, "itest-missing");
        String unit = "missing-" + UUID.randomUUID().toString().substring(0, 8);
        units.create(ScoringTest.ADMIN, new BusinessUnitDraft(unit, "Missing " + unit, null));
        String account = accounts.create(ScoringTest.ADMIN, new AccountDraft(unit, "Contactless Ltd", null, null,
                "DE", null, AccountStatus.ACTIVE, KeyAccountTier.KEY, null, new BigDecimal("1000000"), null, null,
                "EUR", Map.of())).id();
        String contacts = "/api/v1/accounts/" + account + "/contacts";
        await("the contacts route", contacts, r -> r.statusCode() == 200);
        await("ready", "/health/ready", r -> r.statusCode() == 200);
        assertTrue(documentedPaths().contains(CONTACTS_PATH), "the contacts are described");

        ComponentDescriptionDTO service = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.equals("org.openkam.registry")
                        && Arrays.asList(d.serviceInterfaces).contains(Contacts.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("the registry offers no Contacts component"));
        scr.disableComponent(service);
        try {
            HttpResponse<String> gone = await("the contacts route gone", contacts, r -> r.statusCode() == 404);
            assertTrue(JsonParser.parseString(gone.body()).getAsJsonObject().get("detail").getAsString()
                    .startsWith("no API endpoint at"), gone.body());
            assertEquals(200, get("/api/v1/accounts/" + account).statusCode(), "the account answers on");
            assertEquals(200, get("/api/v1/accounts?limit=1").statusCode(), "the account list answers on");
            Set<String> described = documentedPaths();
            assertFalse(described.contains(CONTACTS_PATH), "the contacts' paths left the API description");
            assertTrue(described.contains("/accounts/{id}") && described.contains("/accounts"),
                    "the accounts are still described: " + described);
            HttpResponse<String> health = await("not ready", "/health/ready", r -> r.statusCode() == 503);
            assertEquals(List.of("the routes of " + RESOURCE + " (org.openkam.rest)"),
                    JsonParser.parseString(health.body()).getAsJsonObject().getAsJsonArray("waitingFor").asList()
                            .stream().map(e -> e.getAsString()).toList(),
                    "only the resource that needs the service waits");
        } finally {
            scr.enableComponent(service);
        }
        await("the contacts route back", contacts, r -> r.statusCode() == 200);
        await("ready again", "/health/ready", r -> r.statusCode() == 200);
        assertTrue(documentedPaths().contains(CONTACTS_PATH), "the contacts are described again");
    }

    /** The paths of {@code /api/v1/openapi.json}, relative to {@code /api/v1}. */
    private Set<String> documentedPaths() throws Exception {
        HttpResponse<String> document = get("/api/v1/openapi.json");
        assertEquals(200, document.statusCode(), document::body);
        return JsonParser.parseString(document.body()).getAsJsonObject().getAsJsonObject("paths").keySet();
    }

    private HttpResponse<String> await(String what, String path, Predicate<HttpResponse<String>> done)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw " + what + "; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
