package org.openkam.hierarchy.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.PipelineSummary;

/**
 * Rollups computed on request from the current data, so they are right immediately after any change: the
 * subtree's shape on the day read level by level, the subtree's accounts as the caller reads them through the registry,
 * their open pipelines in one bulk read, then sums per currency ({@link SubtreeSums}) converted once at the end.
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
        Subtree subtree = store.subtree(hierarchyId, nodeId, day);
        Map<String, String> nodeOfAccount = new HashMap<>();
        subtree.accountOfNode().forEach((node, account) -> nodeOfAccount.put(account, node));
        Map<String, Account> readable = new HashMap<>();
        accounts.forEach(caller, AccountQuery.all(), a -> {
            if (nodeOfAccount.containsKey(a.id())) {
                readable.put(a.id(), a);
            }
        });
        Map<String, PipelineSummary> pipelines = opportunities.summaries(caller, readable.keySet());
        Map<String, NodeFigures> own = new HashMap<>();
        readable.values().forEach(a -> own.put(nodeOfAccount.get(a.id()), figures(a, pipelines.get(a.id()))));
        SubtreeSums.Parts parts = SubtreeSums.of(nodeId, subtree.children(), own).get(nodeId);
        return report(hierarchyId, nodeId, day, parts, subtree.size(), nodeOfAccount.size() - readable.size());
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
