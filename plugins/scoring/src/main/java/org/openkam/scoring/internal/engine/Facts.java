package org.openkam.scoring.internal.engine;

import org.openkam.api.account.Account;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;

/**
 * The facts of an account as the registry holds them. Relationship stage, competitive position, pipeline,
 * plan completion and activity freshness stay unknown until account plans, opportunities and activities are
 * read here.
 */
final class Facts {

    private Facts() {
    }

    static AccountFacts of(Account account, PortfolioContext portfolio) {
        return AccountFacts.builder(account.id(), account.businessUnit()).name(account.name())
                .annualSales(account.annualSales()).contributionMargin(account.contributionMargin())
                .potential(account.potential()).currency(account.currency()).attributes(account.attributes())
                .portfolio(portfolio).build();
    }
}
