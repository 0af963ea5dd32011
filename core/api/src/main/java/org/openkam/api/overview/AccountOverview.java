package org.openkam.api.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.openkam.api.account.Account;
import org.openkam.api.account.AccountTeamMember;
import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.Coverage;
import org.openkam.api.engagement.FollowUpItem;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.plan.PlanSummary;

/**
 * An account at a glance, as of {@code today}.
 *
 * @param team who serves the account
 * @param buyingCenter the buying center's coverage: unfilled roles, key contacts without an owner, stale
 *        contacts
 * @param activePlan the active customer development plan's summary, or {@code null} without one
 * @param pipeline open opportunities: count, value and weighted value per currency
 * @param openOpportunities the open opportunities themselves, with their competitors
 * @param overdueFollowUps open follow-ups past their due date, most urgent first
 * @param lastActivity the latest contact that took place, or {@code null}
 */
public record AccountOverview(LocalDate today, Account account, List<AccountTeamMember> team, Coverage buyingCenter,
        PlanSummary activePlan, PipelineSummary pipeline, List<Opportunity> openOpportunities,
        List<FollowUpItem> overdueFollowUps, Activity lastActivity) {

    public AccountOverview {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(account, "account");
        team = List.copyOf(team);
        openOpportunities = List.copyOf(openOpportunities);
        overdueFollowUps = List.copyOf(overdueFollowUps);
    }
}
