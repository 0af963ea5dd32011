package org.openkam.scoring.internal.http;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.Job;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.openkam.scoring.internal.config.UnitConfigurations;
import org.openkam.scoring.internal.engine.Portfolios;
import org.openkam.scoring.internal.engine.ScoringEngine;
import org.openkam.scoring.internal.engine.Switch;
import org.openkam.scoring.internal.model.PortfolioGrid;
import org.openkam.scoring.internal.model.PortfolioMatrixModel;
import org.openkam.scoring.internal.selection.KeyAccountSelection;
import org.openkam.scoring.internal.selection.KeyAccountTarget;
import org.openkam.scoring.internal.store.CurrentScore;
import org.openkam.scoring.internal.store.Placement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The scoring endpoints, served by the kit under {@code /api/v1}, and their description, the fragment
 * {@value #FRAGMENT} of this bundle. They leave with the bundle, or with any service they need.
 */
@Component(service = ApiRoutes.class)
public final class ScoringResource implements ApiRoutes {

    static final String FRAGMENT = "/OSGI-INF/openkam/openapi.json";
    private static final Set<String> CONFIGURATION_FIELDS = Set.of("parameters", "enabled");

    private final ScoringEngine engine;
    private final AccountRegistry accounts;
    private final BusinessUnits units;
    private final UnitConfigurations configurations;

    /** Per-unit key account targets; dynamic, so configurations come and go without taking the routes away. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<KeyAccountTarget> targets;

    @Activate
    public ScoringResource(@Reference ScoringEngine engine, @Reference AccountRegistry accounts,
            @Reference BusinessUnits units, @Reference UnitConfigurations configurations) {
        this.engine = engine;
        this.accounts = accounts;
        this.units = units;
        this.configurations = configurations;
    }

    /**
     * The routes below {@code /scoring}; the reads key account managers look for at the API's root (an account's
     * scores, the portfolio, the recommendations) are served there too, as they always were.
     */
    @Override
    public void define(RouteTable routes) {
        routes.get("/scoring/models", ex -> Map.of("items", engine.models(ex.caller()).stream()
                        .map(m -> model(ex.caller(), m)).toList()))
                .get("/scoring/models/{id}", ex -> model(ex.caller(), engine.model(ex.caller(), ex.path("id"))))
                .delete("/scoring/models/{id}/quarantine", ex -> model(ex.caller(), engine.release(ex.caller(),
                        ex.path("id"))))
                .put("/scoring/models/{id}/units/{unit}", Operation.of().jsonBody(), this::configure)
                .put("/scoring/models/{id}/units/{unit}/enabled", Operation.of().jsonBody(), this::switchTo)
                .delete("/scoring/models/{id}/units/{unit}", ex -> {
                    configurations.delete(ex.caller(), ex.path("id"), ex.path("unit"));
                    ex.status(204);
                    return null;
                })
                .post("/scoring/runs", Operation.of().jsonBody(), this::startRun)
                .get("/scoring/accounts/{id}/scores", this::scores)
                .get("/accounts/{id}/scores", this::scores)
                .get("/scoring/portfolio", this::portfolio)
                .get("/portfolio", this::portfolio)
                .get("/scoring/key-account-recommendations", this::recommendations)
                .get("/key-account-recommendations", this::recommendations);
    }

    @Override
    public InputStream openApi() throws IOException {
        InputStream in = ScoringResource.class.getResourceAsStream(FRAGMENT);
        if (in == null) {
            throw new FileNotFoundException(FRAGMENT + " is missing from the scoring bundle");
        }
        return in;
    }

    /** A model with where it comes from and whether it scores each unit the caller may read. */
    private Views.Model model(Caller caller, ModelStatus status) {
        UnitConfigurations.Origin origin;
        try {
            origin = configurations.origin(status.id());
        } catch (NotFoundException e) {
            origin = new UnitConfigurations.Origin(null, null, null, null, null); // unregistered meanwhile
        }
        List<Switch> switches;
        try {
            switches = engine.switches(caller, status.id());
        } catch (NotFoundException e) {
            switches = List.of();
        }
        return Views.model(status, origin, switches);
    }

    /**
     * Enables the model for the unit with the parameters given, or changes them: {"parameters": {...}}; with
     * {"enabled": false} the configuration switches the model off for the unit instead.
     */
    private UnitConfigurations.UnitConfiguration configure(Exchange ex) throws IOException {
        Body body = ex.body().allow(CONFIGURATION_FIELDS, Set.of());
        Map<String, String> parameters = body.texts("parameters", Map.of());
        boolean enabled = body.bool("enabled", true);
        body.throwIfAny();
        return configurations.write(ex.caller(), ex.path("id"), ex.path("unit"), parameters, enabled);
    }

    /** Switches the model on or off for the unit, keeping its parameters: {"enabled": true|false}. */
    private UnitConfigurations.UnitConfiguration switchTo(Exchange ex) throws IOException {
        Body body = ex.body().allow(Set.of("enabled"), Set.of());
        Boolean enabled = body.bool("enabled", null);
        Violations missing = new Violations();
        if (enabled == null) {
            missing.add("enabled", "is required: true or false");
        }
        throwIfAny(body, missing);
        return configurations.switchTo(ex.caller(), ex.path("id"), ex.path("unit"), enabled);
    }

    private Job startRun(Exchange ex) throws IOException {
        Caller caller = ex.caller();
        Body body = ex.body().allow(Set.of("businessUnit"), Set.of());
        String unit = body.text("businessUnit", null);
        throwIfAny(body, new Violations().required("businessUnit", unit));
        Job job = engine.rescore(caller, unit);
        ex.status(202);
        ex.header("Location", ex.apiUrl("/jobs/" + job.id()));
        return job;
    }

    /** Refuses the body with every field it got wrong and every one it lacks, all at once. */
    private static void throwIfAny(Body body, Violations missing) {
        body.throwIfAny(missing);
        missing.throwIfAny();
    }

    private Views.AccountScores scores(Exchange ex) {
        Caller caller = ex.caller();
        String accountId = ex.path("id");
        String model = ex.query("model");
        int limit = ex.intQuery("limit", Scoring.DEFAULT_HISTORY, 1, Scoring.MAX_HISTORY);
        List<Views.ModelScore> models = new ArrayList<>();
        for (ScoreRecord current : engine.scores(caller, accountId)) {
            if (model == null || model.equals(current.modelId())) {
                models.add(Views.modelScore(current, engine.history(caller, accountId, current.modelId(), limit)));
            }
        }
        return new Views.AccountScores(accountId, models);
    }

    /**
     * One page of a unit's portfolio: up to {@code limit} of its accounts by name from the cursor on, or with
     * {@code order=movement} the accounts that moved most since the run before. A page reads its accounts' scores
     * by id, so a unit of a million accounts costs what a page costs.
     */
    private Views.Portfolio portfolio(Exchange ex) {
        Caller caller = ex.caller();
        String unit = unit(ex);
        String model = ex.query("model") == null ? PortfolioMatrixModel.ID : ex.query("model");
        int limit = ex.intQuery("limit", AccountQuery.MAX_LIMIT, 1, AccountQuery.MAX_LIMIT);
        String order = ex.query("order") == null ? "name" : ex.query("order");
        String cursor = ex.query("cursor");
        List<Account> page;
        String next = null;
        Long total = null;
        if (order.equals("movement")) {
            if (cursor != null) {
                throw new ValidationException("cursor", "is not taken with order=movement: the accounts that moved "
                        + "most are one page");
            }
            List<String> ids = engine.movers(unit, model, limit);
            Map<String, Account> byId = accounts.byIds(caller, ids);
            page = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        } else if (order.equals("name")) {
            Page<Account> found = accounts.find(caller, new AccountQuery(unit, null, null, null, null, null,
                    AccountSort.NAME, false, limit, 0, cursor, cursor == null));
            page = found.items();
            next = found.nextCursor();
            total = cursor == null ? found.total() : null;
        } else {
            throw new ValidationException("order", "must be name or movement");
        }
        Map<String, CurrentScore> scores = engine.unitScores(unit, model, page.stream().map(Account::id).toList());
        List<Views.Point> points = new ArrayList<>();
        List<Views.AccountRef> unscored = new ArrayList<>();
        Portfolios.ToReporting toReporting = engine.toReporting();
        Map<String, Optional<BigDecimal>> rates = new HashMap<>();
        for (Account a : page) {
            CurrentScore s = scores.get(a.id());
            Score current = s == null ? null : s.current().score();
            if (current == null) {
                unscored.add(new Views.AccountRef(a.id(), a.name(), a.tier(), s == null ? "not scored by " + model + " yet"
                        : "the model found the account's facts insufficient"));
                continue;
            }
            Score before = s.previous() == null ? null : s.previous().score();
            Views.Previous previous = before == null ? null : new Views.Previous(measure(before, "attractiveness"),
                    measure(before, "strength"), before.value(), Views.classId(before), s.previous().scoredAt());
            Views.Movement movement = before == null ? null : new Views.Movement(
                    delta(measure(current, "attractiveness"), measure(before, "attractiveness")),
                    delta(measure(current, "strength"), measure(before, "strength")),
                    current.value().subtract(before.value()),
                    !Objects.equals(Views.classId(current), Views.classId(before)));
            points.add(new Views.Point(a.id(), a.name(), a.tier(), measure(current, "attractiveness"),
                    measure(current, "strength"), a.annualSales(), a.currency(), reported(a, toReporting, rates),
                    current.value(),
                    current.classification(), s.current().scoredAt(), previous, movement, current.contributions()));
        }
        return new Views.Portfolio(unit, model, engine.installed(model), grid(unit, model),
                engine.reportingCurrency(), points, unscored, next, total);
    }

    /** The account's sales in the reporting currency, a rate looked up once per currency; {@code null} without. */
    private static BigDecimal reported(Account a, Portfolios.ToReporting toReporting,
            Map<String, Optional<BigDecimal>> rates) {
        if (a.annualSales() == null || a.currency() == null) {
            return null;
        }
        return rates.computeIfAbsent(a.currency(), toReporting::rate)
                .map(r -> a.annualSales().multiply(r).setScale(2, RoundingMode.HALF_UP)).orElse(null);
    }

    /** The matrix cells of the model's instance for the unit, or {@code null} if it is not a matrix model. */
    private List<PortfolioGrid.Cell> grid(String unit, String model) {
        if (!PortfolioMatrixModel.ID.equals(model)) {
            return null;
        }
        return engine.descriptionFor(unit, model).map(d -> PortfolioGrid.cells(d.parameters())).orElse(null);
    }

    private Views.Recommendations recommendations(Exchange ex) {
        Caller caller = ex.caller();
        String unit = unit(ex);
        KeyAccountTarget target = target(unit);
        String model = target.model();
        // the key-tier accounts first (few), as candidates with their places, so that the ranking counts who ranks
        // ahead of them and the answer need not read them again
        List<Account> keyTier = new ArrayList<>();
        for (KeyAccountTier tier : List.of(KeyAccountTier.STRATEGIC, KeyAccountTier.KEY)) {
            accounts.forEach(caller, new AccountQuery(unit, tier, null, null, null, null, AccountSort.NAME, false,
                    AccountQuery.DEFAULT_LIMIT, 0, null, false), keyTier::add);
        }
        Map<String, KeyAccountSelection.Candidate> keyTierCandidates = candidates(keyTier, unit, model);
        List<KeyAccountSelection.Place> keyTierPlaces = keyTierCandidates.values().stream()
                .map(c -> new KeyAccountSelection.Place(c.accountId(), c.priority(), c.score())).toList();
        KeyAccountSelection.Ranking ranking = new KeyAccountSelection.Ranking(target.max(), keyTierPlaces);
        // then every placed account of the unit a page at a time: those deleted or moved since their score are left out
        String after = "";
        for (List<Placement> page; !(page = engine.placements(unit, model, after, AccountQuery.MAX_LIMIT)).isEmpty();
                after = page.get(page.size() - 1).accountId()) {
            Map<String, Account> found = accounts.byIds(caller, page.stream().map(Placement::accountId).toList());
            for (Placement p : page) {
                Account a = found.get(p.accountId());
                if (a != null && unit.equals(a.businessUnit())) {
                    ranking.add(new KeyAccountSelection.Place(p.accountId(), priority(p.classId()), p.score()));
                }
            }
        }
        KeyAccountSelection.Result result = KeyAccountSelection.select(ranking, target.min(), ids -> {
            Map<String, KeyAccountSelection.Candidate> named = new HashMap<>(keyTierCandidates);
            named.putAll(candidates(accounts.byIds(caller, ids.stream().filter(id -> !named.containsKey(id)).toList())
                    .values(), unit, model));
            return named;
        });
        List<Views.AccountRef> unscored = keyTier.stream().filter(a -> !ranking.placed(a.id()))
                .map(a -> new Views.AccountRef(a.id(), a.name(), a.tier(), "a key account without a place in the "
                        + model + " portfolio: rescore the unit, or record the facts it lacks"))
                .sorted(Comparator.comparing(Views.AccountRef::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Views.AccountRef::accountId)).toList();
        List<Views.Recommendation> recommended = result.recommended().stream()
                .map(p -> recommendation(p, p.candidate().tier() == KeyAccountTier.NONE ? "add" : "keep")).toList();
        List<Views.Recommendation> leave = result.leave().stream().map(p -> recommendation(p, "remove")).toList();
        return new Views.Recommendations(unit, model, new Views.Target(target.min(), target.max(),
                result.selected(), ranking.size(), result.targetWarning()), recommended, leave, unscored);
    }

    /** The candidates among these accounts: those in the unit that the model places, their scores read by id. */
    private Map<String, KeyAccountSelection.Candidate> candidates(Collection<Account> among, String unit,
            String model) {
        Map<String, Account> inUnit = new HashMap<>();
        among.stream().filter(a -> unit.equals(a.businessUnit())).forEach(a -> inUnit.put(a.id(), a));
        List<String> ids = List.copyOf(inUnit.keySet());
        Map<String, KeyAccountSelection.Candidate> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += AccountQuery.MAX_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + AccountQuery.MAX_LIMIT));
            engine.unitScores(unit, model, chunk).forEach((id, s) -> {
                Score score = s.current().score();
                if (score != null && score.classification() != null) {
                    out.put(id, candidate(inUnit.get(id), score));
                }
            });
        }
        return out;
    }

    /** A candidate: the cell's priority from the matrix schemes; cells of other models rank after them. */
    static KeyAccountSelection.Candidate candidate(Account a, Score score) {
        Classification cell = score.classification();
        KeyAccountSelection.Place place = new KeyAccountSelection.Place(a.id(), priority(cell.id()), score.value());
        return new KeyAccountSelection.Candidate(a.id(), a.name(), a.tier(), score.value(), cell, place.priority(),
                place.keyCell(), place.priority() == 0, profile(score));
    }

    /** A cell's priority: the strategy of a matrix scheme's cell, 0 for the most investment; other cells after. */
    static int priority(String cellId) {
        PortfolioGrid.Strategy strategy = PortfolioGrid.strategyOf(cellId);
        if (strategy != null) {
            return strategy.ordinal();
        }
        int box = List.of("strategic", "star", "status", "streamline").indexOf(cellId);
        return box >= 0 ? box : PortfolioGrid.Strategy.values().length;
    }

    /**
     * What places an account in its cell, for the reasons: its axes and its strongest and weakest rated criteria,
     * e.g. "attractiveness 72.0, strength 68.0; strongest: annual sales (90.0), weakest: growth (10.0)".
     */
    static String profile(Score score) {
        List<String> parts = new ArrayList<>();
        for (String axis : List.of("attractiveness", "strength")) {
            BigDecimal value = score.measures() == null ? null : score.measures().get(axis);
            if (value != null) {
                parts.add(axis + " " + value.toPlainString());
            }
        }
        List<FactorContribution> rated = (score.contributions() == null ? List.<FactorContribution>of()
                : score.contributions()).stream().filter(c -> c.value() != null && c.weight().signum() > 0)
                .sorted(Comparator.comparing(FactorContribution::value).reversed()).toList();
        String criteria = rated.isEmpty() ? null : "strongest: " + criterion(rated.get(0))
                + (rated.size() > 1 ? ", weakest: " + criterion(rated.get(rated.size() - 1)) : "");
        String axes = String.join(", ", parts);
        return axes.isEmpty() ? (criteria == null ? "portfolio score " + score.value().toPlainString() : criteria)
                : criteria == null ? axes : axes + "; " + criteria;
    }

    private static String criterion(FactorContribution c) {
        return c.label().toLowerCase(Locale.ROOT) + " (" + c.value().toPlainString() + ")";
    }

    private static Views.Recommendation recommendation(KeyAccountSelection.Pick p, String change) {
        KeyAccountSelection.Candidate c = p.candidate();
        return new Views.Recommendation(c.accountId(), c.name(), c.tier(), p.recommendedTier(), change, p.rank(),
                c.score(), c.cell(), p.reason());
    }

    /** The unit's own target, else the one for every unit, else the unconfigured default. */
    private KeyAccountTarget target(String unit) {
        List<KeyAccountTarget> all = targets;
        List<KeyAccountTarget> known = all == null ? List.of() : all;
        for (String wanted : new String[] {unit, ScoringModel.EVERY_UNIT, null}) {
            for (KeyAccountTarget t : known) {
                if (Objects.equals(t.businessUnit(), wanted)) {
                    return t;
                }
            }
        }
        return new KeyAccountTarget(unit, 15, 35, PortfolioMatrixModel.ID);
    }

    /** The {@code businessUnit} query parameter, a unit the caller may read. */
    private String unit(Exchange ex) {
        String unit = ex.requiredQuery("businessUnit");
        units.get(ex.caller(), unit);
        return unit;
    }

    private static BigDecimal measure(Score s, String name) {
        return s.measures().get(name);
    }

    private static BigDecimal delta(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }
}
