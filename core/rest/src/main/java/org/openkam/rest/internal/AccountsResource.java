package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.Page;
import org.openkam.api.Violations;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.ProblemException;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.stream.JsonWriter;

/** {@code /accounts}: listing with filters, sorting and paging; create, read, replace, patch, delete; JSON export. */
@Component
public final class AccountsResource implements ApiRoutes {

    static final Set<String> WRITABLE = Set.of("businessUnit", "name", "legalName", "industry", "country", "region",
            "status", "tier", "owner", "annualSales", "contributionMargin", "potential", "currency", "attributes");
    static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt");
    private final AccountRegistry accounts;

    @Activate
    public AccountsResource(@Reference AccountRegistry accounts) {
        this.accounts = accounts;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("accounts");
    }

    @Override
    public void define(RouteTable router) {
        router.add("GET", "/accounts", this::list)
                .add("POST", "/accounts", Operation.of().jsonBody(), this::create)
                .add("GET", "/accounts/{id}", this::get)
                .add("PUT", "/accounts/{id}", Operation.of().jsonBody().ifMatch(), this::replace)
                .add("PATCH", "/accounts/{id}", Operation.of().jsonBody().ifMatch(), this::patch)
                .add("DELETE", "/accounts/{id}", Operation.of().ifMatch(), this::delete);
    }

    private Object list(Exchange ex) {
        AccountQuery query = query(ex, true);
        Page<Account> page = accounts.find(ex.caller(), query);
        if (page.nextCursor() != null) {
            String next = ex.request().getRequestURI() + "?" + withCursor(ex.request().getQueryString(), page.nextCursor());
            ex.response().setHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        return PageBody.of(page);
    }

    private Object create(Exchange ex) throws IOException {
        Account created = accounts.create(ex.caller(), draft(ex.body(), null));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/accounts/" + created.id());
        ex.etag(created.version());
        return created;
    }

    private Object get(Exchange ex) {
        Account account = accounts.get(ex.caller(), ex.path("id"));
        ex.etag(account.version());
        return account;
    }

    private Object replace(Exchange ex) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        Account updated = accounts.update(ex.caller(), ex.path("id"), version, draft(body, null));
        ex.etag(updated.version());
        return updated;
    }

    private Object patch(Exchange ex) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        Account current = accounts.get(ex.caller(), ex.path("id"));
        Account updated = accounts.update(ex.caller(), current.id(), version, draft(body, current.toDraft()));
        ex.etag(updated.version());
        return updated;
    }

    private Object delete(Exchange ex) {
        accounts.delete(ex.caller(), ex.path("id"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    /** A draft from the body; absent fields keep {@code base}'s value (a patch) or stay empty. */
    static AccountDraft draft(Body body, AccountDraft base) {
        AccountDraft b = base == null
                ? new AccountDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : base;
        body.allow(WRITABLE, READ_ONLY);
        AccountDraft draft = new AccountDraft(body.text("businessUnit", b.businessUnit()), body.text("name", b.name()),
                body.text("legalName", b.legalName()), body.text("industry", b.industry()),
                body.text("country", b.country()), body.text("region", b.region()),
                body.choice("status", AccountStatus.class, b.status()), body.choice("tier", KeyAccountTier.class, b.tier()),
                body.text("owner", b.owner()), body.decimal("annualSales", b.annualSales()),
                body.decimal("contributionMargin", b.contributionMargin()), body.decimal("potential", b.potential()),
                body.text("currency", b.currency()), body.texts("attributes", b.attributes()));
        body.throwIfAny(draft.normalized().validate());
        return draft;
    }

    /** The listing's query from the request's parameters; {@code paged} false for exports. */
    static AccountQuery query(Exchange ex, boolean paged) {
        String sortParam = ex.query("sort");
        boolean descending = sortParam != null && sortParam.startsWith("-");
        AccountSort sort = AccountSort.NAME;
        if (sortParam != null) {
            String key = descending ? sortParam.substring(1) : sortParam;
            sort = switch (key) {
                case "name" -> AccountSort.NAME;
                case "annualSales" -> AccountSort.ANNUAL_SALES;
                case "potential" -> AccountSort.POTENTIAL;
                case "createdAt" -> AccountSort.CREATED_AT;
                case "updatedAt" -> AccountSort.UPDATED_AT;
                default -> throw ProblemException.badRequest("sort",
                        "must be name, annualSales, potential, createdAt or updatedAt, with '-' before it to reverse");
            };
        }
        Caller caller = ex.caller();
        String owner = ex.query("owner");
        if ("me".equals(owner)) {
            owner = caller.userId();
        }
        String country = ex.query("country");
        if (country != null) {
            new Violations().country("country", country.toUpperCase(java.util.Locale.ROOT)).throwIfAny();
        }
        return new AccountQuery(ex.query("businessUnit"), ex.enumQuery("tier", KeyAccountTier.class), owner,
                country, ex.enumQuery("status", AccountStatus.class), ex.query("q"), sort, descending,
                paged ? ex.intQuery("limit", AccountQuery.DEFAULT_LIMIT, 1, AccountQuery.MAX_LIMIT) : 1,
                paged ? ex.intQuery("offset", 0, 0, Integer.MAX_VALUE) : 0, paged ? ex.query("cursor") : null,
                paged && ex.boolQuery("total"));
    }

    /** Streams every matching account as one JSON array. */
    static void exportJson(AccountRegistry accounts, Exchange ex, AccountQuery query) throws IOException {
        ex.response().setContentType("application/json");
        ex.response().setCharacterEncoding("UTF-8");
        Writer out = new OutputStreamWriter(ex.response().getOutputStream(), StandardCharsets.UTF_8);
        JsonWriter json = new JsonWriter(out);
        json.beginArray();
        accounts.forEach(ex.caller(), query, account -> ex.gson().toJson(account, Account.class, json));
        json.endArray();
        json.flush();
    }

    private static String withCursor(String queryString, String cursor) {
        StringBuilder out = new StringBuilder();
        if (queryString != null) {
            for (String part : queryString.split("&")) {
                if (!part.startsWith("cursor=") && !part.startsWith("offset=") && !part.isEmpty()) {
                    out.append(part).append('&');
                }
            }
        }
        return out.append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8)).toString();
    }
}
