package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.PipelineSummary;

/**
 * Rollups computed on request from the current data, so they are right immediately after any change: the subtree
 * on the day walked in the hierarchy's shape in memory (current by its version, see {@link HierarchyStore#shape}),
 * the subtree's accounts read by id as the caller may read them, their open pipelines in one bulk read, then sums
 * per currency added in place ({@link FigureSums}) and converted once at the end. The answer is for one node, so
 * its children part is the flat sum of the rest of the subtree: no per-node sums.
 */
final class HierarchyRollups {

    private final HierarchyStore store;
    private final AccountRegistry accounts;
    private final Opportunities opportunities;
    private final ExchangeRates rates;

    HierarchyRollups(HierarchyStore store, AccountRegistry accounts, Opportunities opportunities,
            ExchangeRates rates) {
        this.store = store;
        this.accounts = accounts;
        this.opportunities = opportunities;
        this.rates = rates;
    }

    Rollup of(Caller caller, String hierarchyId, String nodeId, LocalDate day) {
        HierarchyShape.Walk walk = store.walk(hierarchyId, nodeId, day);
        List<String> ids = new ArrayList<>(walk.accountCount() + 1);
        if (walk.rootAccount() != null) {
            ids.add(walk.rootAccount());
        }
        ids.addAll(Arrays.asList(walk.accounts()).subList(0, walk.accountCount()));
        Map<String, Account> readable = accounts.byIds(caller, ids);
        Map<String, PipelineSummary> pipelines = opportunities.summaries(caller, readable.keySet());
        FigureSums own = new FigureSums();
        Account root = walk.rootAccount() == null ? null : readable.get(walk.rootAccount());
        if (root != null) {
            own.add(root, pipelines.get(root.id()));
        }
        FigureSums below = new FigureSums();
        for (int i = 0; i < walk.accountCount(); i++) {
            Account a = readable.get(walk.accounts()[i]);
            if (a != null) {
                below.add(a, pipelines.get(a.id()));
            }
        }
        NodeFigures mine = own.figures();
        NodeFigures children = below.figures();
        SubtreeSums.Parts parts = new SubtreeSums.Parts(mine, children, mine.plus(children));
        return report(hierarchyId, nodeId, day, parts, walk.size(), ids.size() - readable.size());
    }

    static NodeFigures figures(Account a, PipelineSummary pipeline) {
        return new NodeFigures(Amounts.of(a.annualSales(), a.currency()), Amounts.of(a.contributionMargin(),
                a.currency()), Amounts.of(a.potential(), a.currency()),
                pipeline == null ? Amounts.NONE : Amounts.of(pipeline.openValue()),
                pipeline == null ? Amounts.NONE : Amounts.of(pipeline.weightedValue()), 1,
                pipeline == null ? 0 : pipeline.openCount());
    }

    /** The parts in the reporting currency on the day, with the rates they took. */
    Rollup report(String hierarchyId, String nodeId, LocalDate day, SubtreeSums.Parts parts, int nodes, int hidden) {
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

    private static Rollup.Part<Money> money(SubtreeSums.Parts parts, Function<NodeFigures, Amounts> figure,
            ReportingConverter converter) {
        return new Rollup.Part<>(converter.convert(figure.apply(parts.own())),
                converter.convert(figure.apply(parts.children())), converter.convert(figure.apply(parts.total())));
    }
}
