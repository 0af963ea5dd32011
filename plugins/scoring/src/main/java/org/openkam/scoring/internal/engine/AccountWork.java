package org.openkam.scoring.internal.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openkam.api.Caller;
import org.openkam.api.engagement.Activities;
import org.openkam.api.engagement.Activity;
import org.openkam.api.pipeline.Opportunities;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlans;

/**
 * The key account work recorded for one account, as far as facts come from it: the active plan, the open
 * opportunities and the latest activity that took place. Read once per account and scoring pass, whatever the
 * number of models, through the registry's public services.
 *
 * @param activePlan the plan active on the day of scoring, or {@code null}
 * @param openOpportunities the open opportunities, possibly empty
 * @param lastActivity the latest done activity, or {@code null}
 */
record AccountWork(AccountPlan activePlan, List<Opportunity> openOpportunities, Activity lastActivity) {

    /** Nothing recorded. */
    static final AccountWork NONE = new AccountWork(null, List.of(), null);

    AccountWork {
        openOpportunities = List.copyOf(Objects.requireNonNull(openOpportunities, "openOpportunities"));
    }

    /** The services the work is read through. */
    record Sources(AccountPlans plans, Opportunities opportunities, Activities activities) {

        /**
         * The work of many accounts in three reads (the registry answers each with a few queries per few hundred
         * accounts); accounts with nothing recorded, or gone, are left out.
         */
        Map<String, AccountWork> read(Caller caller, List<String> accountIds, LocalDate today) {
            Map<String, AccountPlan> active = plans.active(caller, accountIds, today);
            Map<String, List<Opportunity>> open = opportunities.open(caller, accountIds);
            Map<String, Activity> last = activities.lastActivities(caller, accountIds);
            Map<String, AccountWork> out = new HashMap<>();
            for (String id : accountIds) {
                AccountPlan plan = active.get(id);
                List<Opportunity> opportunities = open.getOrDefault(id, List.of());
                Activity activity = last.get(id);
                if (plan != null || !opportunities.isEmpty() || activity != null) {
                    out.put(id, new AccountWork(plan, opportunities, activity));
                }
            }
            return out;
        }

        /** Three reads, each one short transaction of the registry. */
        AccountWork read(Caller caller, String accountId, LocalDate today) {
            return new AccountWork(plans.active(caller, accountId, today).orElse(null),
                    opportunities.open(caller, accountId), activities.lastActivity(caller, accountId).orElse(null));
        }
    }
}
