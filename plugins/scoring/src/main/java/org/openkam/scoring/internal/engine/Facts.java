package org.openkam.scoring.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.account.Account;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.engagement.Activity;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;

/**
 * The facts of an account: its own figures from the registry, its place among its peers, and what its key account
 * work says ({@link AccountWork}). Every amount is in the account's currency (the peers' figures too, see
 * {@link Portfolios}).
 * <ul>
 * <li><b>relationship stage</b>: the active plan's, lower case ({@code cooperative}); without one, a prospect's is
 * {@code exploratory} (it is no customer yet, so a share of wallet from its trial orders alone must not make our
 * position look strong) and any other account's is unknown;</li>
 * <li><b>plan completion</b>: the active plan's completion in percent (done actions of those not cancelled);
 * unknown without an active plan, and for a plan with no action that counts, which has nothing to complete yet
 * (its summary shows 0 %, but a model must not read that as a plan that fails);</li>
 * <li><b>open and weighted pipeline</b>: the values of the open opportunities in the account's currency; those in
 * other currencies are left out. 0 with no open opportunity; unknown when every open one is in another
 * currency, or the account has none;</li>
 * <li><b>competitive position</b>: see {@link #competitivePosition};</li>
 * <li><b>days since the last activity</b>: calendar days (UTC) from the latest done activity to the day of
 * scoring; unknown if none was logged.</li>
 * </ul>
 */
final class Facts {

    private Facts() {
    }

    static AccountFacts of(Account account, PortfolioContext portfolio, AccountWork work, LocalDate today) {
        AccountPlan plan = work.activePlan();
        PipelineSummary pipeline = PipelineSummary.of(work.openOpportunities());
        return AccountFacts.builder(account.id(), account.businessUnit()).name(account.name())
                .annualSales(account.annualSales()).contributionMargin(account.contributionMargin())
                .potential(account.potential()).currency(account.currency()).attributes(account.attributes())
                .portfolio(portfolio)
                .relationshipStage(relationshipStage(account, plan))
                .planCompletion(planCompletion(plan))
                .openPipeline(inCurrency(pipeline.openCount(), pipeline.openValue(), account.currency()))
                .weightedPipeline(inCurrency(pipeline.openCount(), pipeline.weightedValue(), account.currency()))
                .competitivePosition(competitivePosition(work.openOpportunities(), account.currency()))
                .daysSinceLastActivity(daysSince(work.lastActivity(), today)).build();
    }

    /** The active plan's stage; without a plan, {@code exploratory} for a prospect and unknown for the others. */
    static String relationshipStage(Account account, AccountPlan plan) {
        if (plan != null) {
            return plan.relationshipStage().name().toLowerCase(Locale.ROOT);
        }
        return account.status() == AccountStatus.PROSPECT ? AccountFacts.RELATIONSHIP_STAGES.get(0) : null;
    }

    /** The plan's completion, or {@code null} without a plan or without an action that counts. */
    static BigDecimal planCompletion(AccountPlan plan) {
        if (plan == null || plan.actions().stream().allMatch(a -> a.status() == ActionStatus.CANCELLED)) {
            return null;
        }
        return BigDecimal.valueOf(plan.completion());
    }

    /** A pipeline figure in the account's currency: 0 with nothing open, {@code null} if not stated in it. */
    static BigDecimal inCurrency(int openCount, Map<String, BigDecimal> byCurrency, String currency) {
        if (openCount == 0) {
            return BigDecimal.ZERO;
        }
        return currency == null ? null : byCurrency.get(currency);
    }

    /**
     * Our position against the other top suppliers on the open opportunities, 0 to 100 with one decimal (half
     * up): the mean of each opportunity's rating (we are the incumbent 100, one of the top suppliers 67, a
     * challenger 33, an outsider 0) weighted by its value, so the big projects count most. Values in another
     * currency than the account's cannot be converted: such an opportunity weighs as much as the mean
     * opportunity in the account's currency, and when there is none, every opportunity weighs the same. Unknown
     * ({@code null}) without open opportunities.
     *
     * <p>Example: 300,000 EUR as incumbent and 100,000 EUR as challenger on a EUR account give
     * {@code (300,000 x 100 + 100,000 x 33) / 400,000 = 83.25}, so 83.3.
     */
    static BigDecimal competitivePosition(List<Opportunity> open, String currency) {
        if (open.isEmpty()) {
            return null;
        }
        List<BigDecimal> home = open.stream().filter(o -> o.currency().equals(currency)).map(Opportunity::value)
                .toList();
        BigDecimal foreignWeight = home.isEmpty() ? BigDecimal.ONE
                : home.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(home.size()), 6, RoundingMode.HALF_UP);
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Opportunity o : open) {
            BigDecimal weight = o.currency().equals(currency) ? o.value() : foreignWeight;
            weighted = weighted.add(weight.multiply(rating(o.ourPosition())));
            total = total.add(weight);
        }
        return weighted.divide(total, 1, RoundingMode.HALF_UP);
    }

    /** Incumbent 100, top supplier 67, challenger 33, outsider 0. */
    static BigDecimal rating(OurPosition position) {
        return BigDecimal.valueOf(switch (position) {
            case INCUMBENT -> 100;
            case TOP_SUPPLIER -> 67;
            case CHALLENGER -> 33;
            case OUTSIDER -> 0;
        });
    }

    /** Whole days from the activity's UTC day to {@code today}, at least 0; {@code null} without an activity. */
    static Integer daysSince(Activity activity, LocalDate today) {
        if (activity == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(activity.occurredAt(), ZoneOffset.UTC), today);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, days));
    }
}
