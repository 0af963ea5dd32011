package org.openkam.registry.internal.overview;

import java.time.LocalDate;
import java.util.List;

import org.openkam.api.Caller;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.account.AccountTeams;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.BuyingCenters;
import org.openkam.api.engagement.FollowUps;
import org.openkam.api.overview.AccountOverview;
import org.openkam.api.overview.AccountOverviews;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.plan.AccountPlans;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Assembles the account 360 from the services that own each part, so every part keeps its own scoping
 * and rules. Reading the account first answers "not found" before any other part is touched.
 */
@Component(service = AccountOverviews.class)
public final class OverviewService implements AccountOverviews {

    private final AccountRegistry accounts;
    private final AccountTeams teams;
    private final BuyingCenters buyingCenters;
    private final AccountPlans plans;
    private final Opportunities opportunities;
    private final FollowUps followUps;
    private final Activities activities;

    @Activate
    public OverviewService(@Reference AccountRegistry accounts, @Reference AccountTeams teams,
            @Reference BuyingCenters buyingCenters, @Reference AccountPlans plans,
            @Reference Opportunities opportunities, @Reference FollowUps followUps, @Reference Activities activities) {
        this.accounts = accounts;
        this.teams = teams;
        this.buyingCenters = buyingCenters;
        this.plans = plans;
        this.opportunities = opportunities;
        this.followUps = followUps;
        this.activities = activities;
    }

    @Override
    public AccountOverview overview(Caller caller, String accountId, LocalDate today) {
        Account account = accounts.get(caller, accountId);
        List<Opportunity> open = opportunities.open(caller, accountId);
        return new AccountOverview(today, account, teams.list(caller, accountId),
                buyingCenters.buyingCenter(caller, accountId, today).coverage(),
                plans.activeSummary(caller, accountId, today).orElse(null),
                PipelineSummary.of(open), open,
                followUps.overdue(caller, accountId, today), activities.lastActivity(caller, accountId).orElse(null));
    }
}
