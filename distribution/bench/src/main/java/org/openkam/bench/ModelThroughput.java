package org.openkam.bench;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;

import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;
import org.openkam.scoring.internal.model.WeightedCriteriaModel;

/** The weighted model alone, with its shipped defaults, on one thread: accounts scored per second. */
final class ModelThroughput {

    private static final int DISTINCT = 10_000;

    private final Table table;

    ModelThroughput(Table table) {
        this.table = table;
    }

    void run(int accounts) {
        WeightedCriteriaModel model = new WeightedCriteriaModel(defaults());
        PortfolioContext portfolio = PortfolioContext.builder().peers(accounts)
                .largestSales(BigDecimal.valueOf(ImportAndScoring.sales(0) + 5_000_000))
                .largestContributionMargin(BigDecimal.valueOf(1_000_000))
                .largestPotential(BigDecimal.valueOf(10_000_000)).build();
        AccountFacts[] facts = new AccountFacts[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            facts[i] = AccountFacts.builder("a" + i, ImportAndScoring.UNIT).name(ImportAndScoring.name(i))
                    .annualSales(BigDecimal.valueOf(ImportAndScoring.sales(i)))
                    .contributionMargin(BigDecimal.valueOf(ImportAndScoring.margin(i)))
                    .potential(BigDecimal.valueOf(ImportAndScoring.potential(i))).currency("EUR")
                    .portfolio(portfolio).build();
        }
        double sink = 0;
        for (int i = 0; i < Math.min(accounts, 200_000); i++) { // warm-up
            sink += value(model.score(facts[i % DISTINCT]));
        }
        long t = System.nanoTime();
        for (int i = 0; i < accounts; i++) {
            sink += value(model.score(facts[i % DISTINCT]));
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        table.add(String.format("pure model throughput, weighted model, %,d accounts on one thread", accounts),
                Table.perSecond(accounts / seconds), "", "", ">= 5,000,000 /s",
                "bench: WeightedCriteriaModel.score in this JVM (checksum " + Math.round(sink) % 1000 + ")");
    }

    private static double value(Score s) {
        return s == null ? 0 : s.value().doubleValue();
    }

    /** The model's configuration with every attribute at its shipped default. */
    static WeightedCriteriaModel.Config defaults() {
        return (WeightedCriteriaModel.Config) Proxy.newProxyInstance(WeightedCriteriaModel.Config.class.getClassLoader(),
                new Class<?>[] {WeightedCriteriaModel.Config.class}, (proxy, method, args) -> {
                    Object d = method.getDefaultValue();
                    if (d == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return d;
                });
    }
}
