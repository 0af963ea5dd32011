package org.openkam.scoring.internal.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.ModelState;
import org.openkam.api.scoring.ModelStatus;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.scoring.internal.config.UnitConfigurations;
import org.openkam.scoring.internal.engine.Switch;
import org.openkam.scoring.internal.model.PortfolioGrid;

/** The JSON shapes of the scoring API. */
final class Views {

    private Views() {
    }

    /**
     * An installed model.
     *
     * @param businessUnits the units it is enabled for, with their parameters
     * @param bundle the symbolic name of the bundle providing it ({@code bundleName}, {@code vendor} and
     *        {@code bundleVersion} its headers)
     * @param factoryPid the factory PID of its per-unit configurations, or {@code null} if it has none
     * @param switches whether it scores {@code *} and each unit the caller may read
     */
    record Model(String id, String version, String name, String summary, List<String> criteria,
            Map<String, String> parameters, ModelState state, String reason, Instant since, int consecutiveFailures,
            List<UnitConfiguration> businessUnits, String bundle, String bundleName, String vendor,
            String bundleVersion, String factoryPid, List<Switch> switches) {
    }

    /** The unit a model is enabled for, with that unit's parameters. */
    record UnitConfiguration(String businessUnit, Map<String, String> parameters) {
    }

    static Model model(ModelStatus s, UnitConfigurations.Origin origin, List<Switch> switches) {
        ModelDescription d = s.description();
        List<UnitConfiguration> units = new ArrayList<>();
        s.units().forEach((unit, description) -> units.add(new UnitConfiguration(unit, description.parameters())));
        return new Model(s.id(), s.version(), d.name(), d.summary(), d.criteria(), d.parameters(), s.state(),
                s.reason(), s.since(), s.consecutiveFailures(), units, origin.bundle(), origin.bundleName(),
                origin.vendor(), origin.bundleVersion(), origin.factoryPid(), switches);
    }

    /** An account's scores: per model the current one with its explanation, and its history. */
    record AccountScores(String accountId, List<ModelScore> models) {
    }

    /**
     * The current score of an account by one model.
     *
     * @param score {@code null} if the model found the facts insufficient (see {@code note})
     */
    record ModelScore(String modelId, String modelVersion, boolean modelInstalled, String businessUnit,
            Instant scoredAt, String runId, BigDecimal score, Classification classification,
            List<FactorContribution> contributions, Map<String, BigDecimal> measures, String note,
            List<HistoryEntry> history) {
    }

    /** One past score, newest first. */
    record HistoryEntry(Instant scoredAt, String modelVersion, String runId, BigDecimal score, String classification,
            String classificationLabel) {
    }

    static ModelScore modelScore(ScoreRecord r, List<ScoreRecord> history) {
        Score s = r.score();
        List<HistoryEntry> entries = history.stream().map(h -> new HistoryEntry(h.scoredAt(), h.modelVersion(),
                h.runId(), h.score() == null ? null : h.score().value(), classId(h.score()), classLabel(h.score())))
                .toList();
        return new ModelScore(r.modelId(), r.modelVersion(), r.modelInstalled(), r.businessUnit(), r.scoredAt(),
                r.runId(), s == null ? null : s.value(), s == null ? null : s.classification(),
                s == null ? List.of() : s.contributions(), s == null ? Map.of() : s.measures(),
                note(r), entries);
    }

    private static String note(ScoreRecord r) {
        if (r.score() == null) {
            return "not scored: the model found the account's facts insufficient";
        }
        return r.modelInstalled() ? null : "from a model that is no longer installed";
    }

    static String classId(Score s) {
        return s == null || s.classification() == null ? null : s.classification().id();
    }

    static String classLabel(Score s) {
        return s == null || s.classification() == null ? null : s.classification().label();
    }

    /**
     * A unit's portfolio for a matrix chart.
     *
     * @param grid the matrix cells with their strategies, or {@code null} if the model is not a matrix (or not
     *        enabled for the unit)
     * @param nextCursor where the next page of the unit's accounts by name begins, or {@code null} on the last
     * @param total how many of the unit's accounts the caller sees, counted for the first page by name only
     */
    record Portfolio(String businessUnit, String model, boolean modelInstalled, List<PortfolioGrid.Cell> grid,
            String reportingCurrency, List<Point> points, List<AccountRef> unscored, String nextCursor,
            Long total) {
    }

    /**
     * One account in the matrix: coordinates, bubble size (sales), cell, and where it was the time before.
     *
     * @param reportedSales the annual sales in the portfolio's reporting currency at today's rate (what sizes the
     *        bubbles, comparable across currencies), or {@code null} without sales or a rate
     * @param movement change of each axis since the previous score, or {@code null} if there was none
     */
    record Point(String accountId, String name, KeyAccountTier tier, BigDecimal attractiveness, BigDecimal strength,
            BigDecimal annualSales, String currency, BigDecimal reportedSales, BigDecimal score, Classification cell,
            Instant scoredAt, Previous previous, Movement movement, List<FactorContribution> contributions) {
    }

    /** The position before the current one. */
    record Previous(BigDecimal attractiveness, BigDecimal strength, BigDecimal score, String cell, Instant scoredAt) {
    }

    /** How far an account moved since its previous score. */
    record Movement(BigDecimal attractiveness, BigDecimal strength, BigDecimal score, boolean cellChanged) {
    }

    /** An account named in a list. */
    record AccountRef(String accountId, String name, KeyAccountTier tier, String reason) {
    }

    /** The key account recommendation of a unit. */
    record Recommendations(String businessUnit, String model, Target target, List<Recommendation> recommended,
            List<Recommendation> leave, List<AccountRef> unscored) {
    }

    /**
     * The unit's target number of key accounts, how many are recommended of how many scored candidates, and why
     * the target does not fit the unit ({@code null} when it does).
     */
    record Target(int min, int max, int selected, int candidates, String warning) {
    }

    /**
     * One account's recommendation.
     *
     * @param change {@code keep} (already a key account), {@code add} (should become one), {@code remove}
     */
    record Recommendation(String accountId, String name, KeyAccountTier currentTier, KeyAccountTier recommendedTier,
            String change, int rank, BigDecimal score, Classification cell, String reason) {
    }
}
