package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.scoring.ScoreRecord;
import org.openkam.api.scoring.Scoring;

/**
 * Rollups computed on request from the current data, so they are right immediately after any change: the subtree
 * on the day walked in the hierarchy's shape in memory (current by its version, see {@link HierarchyStore#shape}),
 * the subtree's accounts read by id as the caller may read them, their open pipelines in one bulk read, then sums
 * per currency added in place ({@link FigureSums}, walking the two answers' entries: no lookup per node) and converted
 * once at the end. The answer is for one node, so
 * its children part is the flat sum of the rest of the subtree: no per-node sums.
 */
final class HierarchyRollups {

    private final HierarchyStore store;
    private final AccountRegistry accounts;
    private final Opportunities opportunities;
    private final ExchangeRates rates;
    /** The scoring engine when it runs (an optional service: without it, rollups carry no scores). */
    private final Supplier<Scoring> scoring;

    HierarchyRollups(HierarchyStore store, AccountRegistry accounts, Opportunities opportunities,
            ExchangeRates rates) {
        this(store, accounts, opportunities, rates, () -> null);
    }

    HierarchyRollups(HierarchyStore store, AccountRegistry accounts, Opportunities opportunities,
            ExchangeRates rates, Supplier<Scoring> scoring) {
        this.store = store;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.rates = rates;
        this.scoring = scoring;
    }

    Rollup of(Caller caller, String hierarchyId, String nodeId, LocalDate day) {
        return of(caller, hierarchyId, nodeId, day, null);
    }

    /** With {@code scoreModel} set, also the mean and minimum current score by that model, if scoring runs. */
    Rollup of(Caller caller, String hierarchyId, String nodeId, LocalDate day, String scoreModel) {
        HierarchyShape.Walk walk = store.walk(hierarchyId, nodeId, day);
        String rootAccount = walk.rootAccount();
        Map<String, Account> readable = accounts.byIds(caller, walk.accounts());
        Map<String, PipelineSummary> pipelines = opportunities.summaries(caller, readable.keySet());
        // every account once (one node per account in a hierarchy): no lookup per node, only the root's is own
        FigureSums own = new FigureSums();
        FigureSums below = new FigureSums();
        readable.forEach((id, a) -> (id.equals(rootAccount) ? own : below).add(a));
        pipelines.forEach((id, p) -> (id.equals(rootAccount) ? own : below).add(p));
        NodeFigures mine = own.figures();
        NodeFigures children = below.figures();
        SubtreeSums.Parts<NodeFigures> parts = new SubtreeSums.Parts<>(mine, children, mine.plus(children));
        Rollup rollup = report(hierarchyId, nodeId, day, parts, walk.size(),
                walk.accounts().size() - readable.size());
        Scoring engine = scoreModel == null ? null : scoring.get();
        if (engine == null) {
            return rollup;
        }
        Map<String, ScoreRecord> scores = engine.currentScores(caller, scoreModel, readable.keySet());
        ScoreSums ownScore = new ScoreSums();
        ScoreSums belowScore = new ScoreSums();
        scores.forEach((account, record) -> {
            if (record.score() != null) { // a model may find the facts insufficient: no value to count
                (account.equals(rootAccount) ? ownScore : belowScore).add(record.score().value());
            }
        });
        return new Rollup(rollup.hierarchyId(), rollup.nodeId(), day, rollup.currency(), rollup.money(),
                rollup.counts(), rollup.rates(), rollup.nodes(), rollup.hiddenNodes(),
                scores(scoreModel, ownScore, belowScore));
    }

    static Rollup.Scores scores(String model, ScoreSums own, ScoreSums children) {
        ScoreSums total = own.plus(children);
        return new Rollup.Scores(model, new Rollup.Part<>(own.mean(), children.mean(), total.mean()),
                new Rollup.Part<>(own.min(), children.min(), total.min()),
                new Rollup.Part<>(own.count(), children.count(), total.count()));
    }

    static NodeFigures figures(Account a, PipelineSummary pipeline) {
        return new NodeFigures(Amounts.of(a.annualSales(), a.currency()), Amounts.of(a.contributionMargin(),
                a.currency()), Amounts.of(a.potential(), a.currency()),
                pipeline == null ? Amounts.NONE : Amounts.of(pipeline.openValue()),
                pipeline == null ? Amounts.NONE : Amounts.of(pipeline.weightedValue()), 1,
                pipeline == null ? 0 : pipeline.openCount());
    }

    /** The parts in the reporting currency on the day, with the rates they took. */
    Rollup report(String hierarchyId, String nodeId, LocalDate day, SubtreeSums.Parts<NodeFigures> parts, int nodes,
            int hidden) {
        ReportingConverter converter = new ReportingConverter(rates, day);
        Map<String, Rollup.Part<Money>> money = new LinkedHashMap<>();
        money.put("sales", money(parts, NodeFigures::sales, converter));
        money.put("contributionMargin", money(parts, NodeFigures::margin, converter));
        money.put("potential", money(parts, NodeFigures::potential, converter));
        money.put("openPipeline", money(parts, NodeFigures::openPipeline, converter));
        money.put("weightedPipeline", money(parts, NodeFigures::weightedPipeline, converter));
        Map<String, Rollup.Part<Integer>> counts = new LinkedHashMap<>();
        counts.put("accounts", new Rollup.Part<>(parts.own().accounts(), parts.children().accounts(),
                parts.total().accounts()));
        counts.put("opportunities", new Rollup.Part<>(parts.own().opportunities(), parts.children().opportunities(),
                parts.total().opportunities()));
        return new Rollup(hierarchyId, nodeId, day, converter.currency(), money, counts, converter.used(), nodes,
                hidden);
    }

    private static Rollup.Part<Money> money(SubtreeSums.Parts<NodeFigures> parts,
            Function<NodeFigures, Amounts> figure, ReportingConverter converter) {
        return new Rollup.Part<>(converter.convert(figure.apply(parts.own())),
                converter.convert(figure.apply(parts.children())), converter.convert(figure.apply(parts.total())));
    }
}
