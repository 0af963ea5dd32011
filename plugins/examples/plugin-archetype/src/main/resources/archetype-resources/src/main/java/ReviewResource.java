package ${package};

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.NotFoundException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.persistence.Database;
import org.openkam.api.unit.UnitEnablement;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The review routes, served by the kit under {@code /api/v1}, and their description {@code FRAGMENT}. The
 * account is read through the registry as the caller, so another unit's account is not found; an account of a
 * unit the plugin does not serve is not found either. Errors are exceptions; the kit answers them.
 */
@Component(service = ApiRoutes.class)
public final class ReviewResource implements ApiRoutes {

    static final String FRAGMENT = "/OSGI-INF/openkam/openapi.json";
    private static final Set<String> WRITABLE = Set.of("heldOn", "attendees", "outcome", "rating", "nextReviewOn");
    private static final Set<String> READ_ONLY = Set.of("id", "accountId", "businessUnit", "version", "createdAt",
            "updatedAt");

    private final ReviewStore store;
    private final AccountRegistry accounts;

    /** Settings per unit with their service properties; dynamic, so units are switched while the routes run. */
    @Reference(service = ReviewSettings.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, ReviewSettings>> settings;

    @Activate
    public ReviewResource(@Reference Database database, @Reference AccountRegistry accounts) {
        database.migrate(ReviewStore.class);
        this.store = new ReviewStore(database);
        this.accounts = accounts;
    }

    @Override
    public void define(RouteTable routes) {
        Operation change = Operation.of().jsonBody().ifMatch();
        routes.get("/${pluginName}/accounts/{id}/reviews", ex -> Map.of("items", store.list(served(ex).account().id())))
                .post("/${pluginName}/accounts/{id}/reviews", Operation.of().jsonBody(), this::create)
                .get("/${pluginName}/accounts/{id}/reviews/{reviewId}", ex -> tagged(ex,
                        store.get(served(ex).account().id(), ex.path("reviewId"))))
                .patch("/${pluginName}/accounts/{id}/reviews/{reviewId}", change, this::update)
                .delete("/${pluginName}/accounts/{id}/reviews/{reviewId}", Operation.of().ifMatch(), ex -> {
                    Account account = editable(ex).account();
                    store.delete(ex.caller(), account.id(), ex.path("reviewId"), ex.expectedVersion(null));
                    ex.status(204);
                    return null;
                });
    }

    @Override
    public InputStream openApi() throws IOException {
        InputStream in = ReviewResource.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new FileNotFoundException(FRAGMENT + " is missing from the bundle");
        }
        return in;
    }

    private Review create(Exchange ex) throws IOException {
        Served served = editable(ex);
        Body body = ex.body().allow(WRITABLE, READ_ONLY);
        LocalDate heldOn = body.date("heldOn", null);
        LocalDate next = body.has("nextReviewOn") || heldOn == null ? body.date("nextReviewOn", null)
                : heldOn.plusDays(served.settings().cadenceDays());
        ReviewDraft draft = new ReviewDraft(heldOn, body.text("attendees", null), body.text("outcome", null),
                body.integer("rating", null), next);
        body.throwIfAny(draft.violations());
        Review created = store.create(ex.caller(), served.account().id(), served.account().businessUnit(), draft);
        ex.status(201);
        ex.header("Location", ex.apiUrl("/${pluginName}/accounts/" + created.accountId() + "/reviews/" + created.id()));
        return tagged(ex, created);
    }

    /** Changes the fields sent; the others keep their stored values. */
    private Review update(Exchange ex) throws IOException {
        Account account = editable(ex).account();
        Review stored = store.get(account.id(), ex.path("reviewId"));
        Body body = ex.body().allow(WRITABLE, READ_ONLY);
        ReviewDraft draft = new ReviewDraft(body.date("heldOn", stored.heldOn()),
                body.text("attendees", stored.attendees()), body.text("outcome", stored.outcome()),
                body.integer("rating", stored.rating()), body.date("nextReviewOn", stored.nextReviewOn()));
        body.throwIfAny(draft.violations());
        return tagged(ex, store.update(ex.caller(), account.id(), stored.id(), ex.expectedVersion(body), draft));
    }

    private static Review tagged(Exchange ex, Review review) {
        ex.etag(review.version());
        return review;
    }

    private record Served(Account account, ReviewSettings settings) {
    }

    /** The account of the path, if the caller sees it and the plugin serves its unit. */
    private Served served(Exchange ex) {
        Account account = accounts.get(ex.caller(), ex.path("id"));
        List<Map.Entry<Map<String, Object>, ReviewSettings>> instances = settings.stream()
                .sorted(Comparator.comparing(e -> (Long) e.getKey().get("service.id"))).toList(); // oldest first
        return UnitEnablement.serving(account.businessUnit(), instances, Map.Entry::getKey)
                .map(e -> new Served(account, e.getValue()))
                .orElseThrow(() -> new NotFoundException("reviews of account", account.id()));
    }

    /** As {@code served}, for changes: the caller must edit the account's unit. */
    private Served editable(Exchange ex) {
        Served served = served(ex);
        if (!ex.caller().canEdit(served.account().businessUnit())) {
            throw new AccessDeniedException("changing reviews needs edit rights in " + served.account().businessUnit());
        }
        return served;
    }
}
