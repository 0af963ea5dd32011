package org.openkam.scoring.internal.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.job.Job;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;
import org.openkam.api.scoring.ScoringModel;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.NotFoundException;
import org.openkam.scoring.internal.engine.Switch;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.scoring.internal.engine.ScoringEngine;
import org.openkam.scoring.internal.model.PortfolioGrid;
import org.openkam.scoring.internal.model.PortfolioMatrixModel;
import org.openkam.scoring.internal.selection.KeyAccountSelection;
import org.openkam.scoring.internal.selection.KeyAccountTarget;
import org.openkam.scoring.internal.config.UnitConfigurations;
import org.openkam.scoring.internal.store.CurrentScore;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The scoring endpoints, relative to {@code /api/v1/scoring}. */
final class ScoringResource {

    private final ScoringEngine engine;
    private final AccountRegistry accounts;
    private final BusinessUnits units;
    private final Supplier<List<KeyAccountTarget>> targets;
    private final UnitConfigurations configurations;

    ScoringResource(ScoringEngine engine, AccountRegistry accounts, BusinessUnits units,
            Supplier<List<KeyAccountTarget>> targets, UnitConfigurations configurations) {
        this.configurations = configurations;
        this.engine = engine;
        this.accounts = accounts;
        this.units = units;
        this.targets = targets;
    }

    Routes routes() {
        return new Routes()
                .add("GET", "/models", r -> Map.of("items", engine.models(r.caller()).stream()
                        .map(m -> model(r.caller(), m)).toList()))
                .add("GET", "/models/{id}", r -> model(r.caller(), engine.model(r.caller(), r.path("id"))))
                .add("DELETE", "/models/{id}/quarantine", r -> model(r.caller(), engine.release(r.caller(),
                        r.path("id"))))
                .add("PUT", "/models/{id}/units/{unit}", this::configure)
                .add("PUT", "/models/{id}/units/{unit}/enabled", this::switchTo)
                .add("DELETE", "/models/{id}/units/{unit}", r -> {
                    configurations.delete(r.caller(), r.path("id"), r.path("unit"));
                    r.status(204);
                    return null;
                })
                .add("POST", "/runs", this::startRun)
                .add("GET", "/accounts/{id}/scores", this::scores)
                .add("GET", "/portfolio", this::portfolio)
                .add("GET", "/key-account-recommendations", this::recommendations);
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
    private UnitConfigurations.UnitConfiguration configure(Request r) throws IOException {
        JsonObject body = r.body();
        for (String field : body.keySet()) {
            if (!field.equals("parameters") && !field.equals("enabled")) {
                throw ProblemException.badRequest(field, "is not a field; send {\"parameters\": {\"name\": value}}"
                        + " and optionally \"enabled\": false");
            }
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        JsonElement given = body.get("parameters");
        if (given != null && !given.isJsonNull()) {
            if (!given.isJsonObject()) {
                throw ProblemException.badRequest("parameters", "must be an object of parameter names to values");
            }
            for (Map.Entry<String, JsonElement> e : given.getAsJsonObject().entrySet()) {
                if (!e.getValue().isJsonPrimitive()) {
                    throw ProblemException.badRequest("parameters." + e.getKey(), "must be a text, number or boolean");
                }
                parameters.put(e.getKey(), e.getValue().getAsString());
            }
        }
        return configurations.write(r.caller(), r.path("id"), r.path("unit"), parameters, enabled(body, false));
    }

    /** Switches the model on or off for the unit, keeping its parameters: {"enabled": true|false}. */
    private UnitConfigurations.UnitConfiguration switchTo(Request r) throws IOException {
        JsonObject body = r.body();
        for (String field : body.keySet()) {
            if (!field.equals("enabled")) {
                throw ProblemException.badRequest(field, "is not a field; send {\"enabled\": true} or false");
            }
        }
        return configurations.switchTo(r.caller(), r.path("id"), r.path("unit"), enabled(body, true));
    }

    /** The body's {@code enabled} field: true when absent, unless it is required. */
    private static boolean enabled(JsonObject body, boolean required) {
        JsonElement given = body.get("enabled");
        if (given == null || given.isJsonNull()) {
            if (required) {
                throw ProblemException.badRequest("enabled", "is required: true or false");
            }
            return true;
        }
        if (!given.isJsonPrimitive() || !given.getAsJsonPrimitive().isBoolean()) {
            throw ProblemException.badRequest("enabled", "must be true or false");
        }
        return given.getAsBoolean();
    }

    private Job startRun(Request r) throws IOException {
        Caller caller = r.caller();
        JsonObject body = r.body();
        for (String field : body.keySet()) {
            if (!field.equals("businessUnit")) {
                throw ProblemException.badRequest(field, "is not a field of a run; send {\"businessUnit\": \"...\"}");
            }
        }
        JsonElement unit = body.get("businessUnit");
        if (unit == null || unit.isJsonNull()) {
            throw ProblemException.badRequest("businessUnit", "is required");
        }
        if (!unit.isJsonPrimitive() || !unit.getAsJsonPrimitive().isString()) {
            throw ProblemException.badRequest("businessUnit", "must be the id of a business unit, as text");
        }
        Job job = engine.rescore(caller, unit.getAsString());
        r.status(202);
        r.header("Location", "/api/v1/jobs/" + job.id());
        return job;
    }

    private Views.AccountScores scores(Request r) {
        Caller caller = r.caller();
        String accountId = r.path("id");
        String model = r.query("model");
        int limit = r.intQuery("limit", Scoring.DEFAULT_HISTORY, 1, Scoring.MAX_HISTORY);
        List<Views.ModelScore> models = new ArrayList<>();
        for (ScoreRecord current : engine.scores(caller, accountId)) {
            if (model == null || model.equals(current.modelId())) {
                models.add(Views.modelScore(current, engine.history(caller, accountId, current.modelId(), limit)));
            }
        }
        return new Views.AccountScores(accountId, models);
    }

    private Views.Portfolio portfolio(Request r) {
        Caller caller = r.caller();
        String unit = unit(r);
        String model = r.query("model") == null ? PortfolioMatrixModel.ID : r.query("model");
        Map<String, CurrentScore> scores = engine.unitScores(unit, model);
        List<Views.Point> points = new ArrayList<>();
        List<Views.AccountRef> unscored = new ArrayList<>();
        for (Account a : accounts(caller, unit)) {
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
                    measure(current, "strength"), a.annualSales(), a.currency(), current.value(),
                    current.classification(), s.current().scoredAt(), previous, movement, current.contributions()));
        }
        return new Views.Portfolio(unit, model, engine.installed(model), grid(unit, model), points, unscored);
    }

    /** The matrix cells of the model's instance for the unit, or {@code null} if it is not a matrix model. */
    private List<PortfolioGrid.Cell> grid(String unit, String model) {
        if (!PortfolioMatrixModel.ID.equals(model)) {
            return null;
        }
        return engine.descriptionFor(unit, model).map(d -> PortfolioGrid.cells(d.parameters())).orElse(null);
    }

    private Views.Recommendations recommendations(Request r) {
        Caller caller = r.caller();
        String unit = unit(r);
        KeyAccountTarget target = target(unit);
        Map<String, CurrentScore> scores = engine.unitScores(unit, target.model());
        List<KeyAccountSelection.Candidate> candidates = new ArrayList<>();
        Map<String, Account> byId = new LinkedHashMap<>();
        List<Views.AccountRef> unscored = new ArrayList<>();
        for (Account a : accounts(caller, unit)) {
            byId.put(a.id(), a);
            CurrentScore s = scores.get(a.id());
            Score score = s == null ? null : s.current().score();
            if (score == null || score.classification() == null) {
                if (a.tier() != KeyAccountTier.NONE) {
                    unscored.add(new Views.AccountRef(a.id(), a.name(), a.tier(), "a key account without a place in the "
                            + target.model() + " portfolio: rescore the unit, or record the facts it lacks"));
                }
                continue;
            }
            candidates.add(candidate(a, score));
        }
        KeyAccountSelection.Result result = KeyAccountSelection.select(candidates, target.min(), target.max());
        List<Views.Recommendation> recommended = result.recommended().stream()
                .map(p -> recommendation(p, p.candidate().tier() == KeyAccountTier.NONE ? "add" : "keep")).toList();
        List<Views.Recommendation> leave = result.leave().stream().map(p -> recommendation(p, "remove")).toList();
        return new Views.Recommendations(unit, target.model(), new Views.Target(target.min(), target.max(),
                result.selected()), recommended, leave, unscored);
    }

    /** A candidate: the cell's priority from the matrix schemes; cells of other models rank after them. */
    static KeyAccountSelection.Candidate candidate(Account a, Score score) {
        Classification cell = score.classification();
        PortfolioGrid.Strategy strategy = PortfolioGrid.strategyOf(cell.id());
        int priority;
        if (strategy != null) {
            priority = strategy.ordinal();
        } else {
            int box = List.of("strategic", "star", "status", "streamline").indexOf(cell.id());
            priority = box >= 0 ? box : PortfolioGrid.Strategy.values().length;
        }
        return new KeyAccountSelection.Candidate(a.id(), a.name(), a.tier(), score.value(), cell, priority,
                priority <= 1, priority == 0);
    }

    private static Views.Recommendation recommendation(KeyAccountSelection.Pick p, String change) {
        KeyAccountSelection.Candidate c = p.candidate();
        return new Views.Recommendation(c.accountId(), c.name(), c.tier(), p.recommendedTier(), change, p.rank(),
                c.score(), c.cell(), p.reason());
    }

    /** The unit's own target, else the one for every unit, else the unconfigured default. */
    private KeyAccountTarget target(String unit) {
        List<KeyAccountTarget> all = targets.get();
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
    private String unit(Request r) {
        String unit = r.requiredQuery("businessUnit");
        units.get(r.caller(), unit);
        return unit;
    }

    private List<Account> accounts(Caller caller, String unit) {
        List<Account> list = new ArrayList<>();
        accounts.forEach(caller, new AccountQuery(unit, null, null, null, null, null, AccountSort.NAME, false,
                AccountQuery.DEFAULT_LIMIT, 0, null, false), list::add);
        return list;
    }

    private static BigDecimal measure(Score s, String name) {
        return s.measures().get(name);
    }

    private static BigDecimal delta(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }
}
