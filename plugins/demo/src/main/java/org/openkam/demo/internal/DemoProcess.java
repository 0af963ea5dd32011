package org.openkam.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUpStatus;
import org.openkam.api.pipeline.Competitor;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;
import org.openkam.api.plan.Swot;

/**
 * The key account management work on a demo key account, relative to the day it is loaded: an active
 * customer development plan, open projects against two or three competitors, follow-ups (one overdue) and
 * the recent contacts. Deterministic per account, so every load tells the same story.
 *
 * @param kam the user id of the account's key account manager
 * @param sales the user id of the unit's sales member
 * @param contactIds the account's contacts, in catalog order (buyer, main user, finance, champion)
 */
record DemoProcess(DemoAccount account, int number, LocalDate today, String kam, String sales,
        List<String> contactIds, List<String> stages) {

    private Random random() {
        return new Random(31L * number + account.draft().name().hashCode());
    }

    AccountPlanDraft plan() {
        Random random = random();
        AccountDraft a = account.draft();
        boolean strategic = a.tier() == KeyAccountTier.STRATEGIC;
        LocalDate start = today.withDayOfYear(1);
        BigDecimal sales = a.annualSales() == null ? new BigDecimal("1000000") : a.annualSales();
        BigDecimal target = sales.multiply(new BigDecimal(strategic ? "1.15" : "1.10")).setScale(0, RoundingMode.HALF_UP);
        ActionStatus[] progress = {ActionStatus.DONE, ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.OPEN,
            ActionStatus.OPEN};
        int done = 1 + random.nextInt(3);
        List<PlanAction> growth = List.of(
                action("Agree the annual business review with " + a.name(), today.minusDays(40), status(0, done)),
                action("Present the service and retrofit offer to the plant managers", today.minusDays(10),
                        status(1, done)),
                action("Run a joint cost-down workshop with procurement", today.plusDays(30), status(2, done)));
        List<PlanAction> relationship = List.of(
                action("Introduce our executive sponsor to the CFO", today.minusDays(5), progress[3]),
                action("Map the decision process for next year's tenders", today.plusDays(60), progress[4]));
        return new AccountPlanDraft("Customer development plan " + start.getYear(),
                new PlanPeriod(start, start.withDayOfYear(start.lengthOfYear())), PlanStatus.ACTIVE,
                strategic ? RelationshipStage.INTERDEPENDENT : RelationshipStage.COOPERATIVE,
                new Swot(List.of("Incumbent supplier on the core range", "Local service team within 2 hours"),
                        List.of("Price level above the market", "Thin relationship with finance"),
                        List.of("New site planned for next year", "Consolidation of the supplier base"),
                        List.of("A low-cost competitor is courting procurement")),
                List.of(new Objective(null, "Grow sales with " + a.name(), "annual sales " + currency(a), sales,
                        target, start.withDayOfYear(start.lengthOfYear()), List.of(
                                new Strategy(null, "Win the service and retrofit business", growth))),
                        new Objective(null, "Become the preferred supplier", "share of wallet %",
                                new BigDecimal(10 + random.nextInt(15)), new BigDecimal(30 + random.nextInt(15)), null,
                                List.of(new Strategy(null, "Widen the relationship beyond procurement",
                                        relationship)))));
    }

    List<OpportunityDraft> opportunities() {
        Random random = random();
        AccountDraft a = account.draft();
        List<String> rivals = rivals(a.businessUnit());
        int first = random.nextInt(rivals.size());
        List<OpportunityDraft> out = new ArrayList<>();
        String[] names = {"Framework agreement renewal", "Retrofit of the main site", "Service contract extension"};
        int count = a.tier() == KeyAccountTier.STRATEGIC ? 2 : 1;
        for (int i = 0; i < count; i++) {
            BigDecimal value = new BigDecimal(50_000 + random.nextInt(40) * 25_000);
            List<Competitor> competitors = new ArrayList<>();
            for (int c = 0; c < 2 + random.nextInt(2); c++) {
                competitors.add(new Competitor(rivals.get((first + c + i) % rivals.size()),
                        c == 0 ? "Lower list prices" : "Strong engineering support",
                        c == 0 ? "Slow service response" : "No local stock", c == 0 ? OurPosition.INCUMBENT
                                : OurPosition.TOP_SUPPLIER));
            }
            out.add(new OpportunityDraft(names[(number + i) % names.length], "Tender expected this year", value,
                    currency(a), stages.get(Math.min(stages.size() - 1, 1 + (number + i) % Math.max(1, stages.size() - 1))),
                    null, today.plusDays(45 + 30L * i), i == 0 ? "Send the revised offer" : "Book the site visit",
                    today.plusDays(7 + i), i == 0 ? OurPosition.CHALLENGER : OurPosition.TOP_SUPPLIER, competitors,
                    kam));
        }
        return out;
    }

    /** One overdue follow-up on the first opportunity, one coming up. */
    List<FollowUpDraft> followUps(String opportunityId) {
        Random random = random();
        return List.of(
                new FollowUpDraft(opportunityId, null, "Chase the signed NDA for the tender", null, kam,
                        today.minusDays(3 + random.nextInt(12)), FollowUpStatus.OPEN),
                new FollowUpDraft(null, null, "Prepare the quarterly business review", null, sales,
                        today.plusDays(5 + random.nextInt(20)), FollowUpStatus.OPEN));
    }

    /** Recent contacts with the buyer and finance, and a planned visit. */
    List<ActivityDraft> activities() {
        Random random = random();
        Instant noon = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        List<ActivityDraft> out = new ArrayList<>();
        out.add(new ActivityDraft(ActivityType.MEETING, ActivityStatus.DONE, "Quarterly business review", null,
                noon.minusSeconds(86_400L * (10 + random.nextInt(20))), List.of(contactIds.get(0)), List.of(kam)));
        out.add(new ActivityDraft(ActivityType.CALL, ActivityStatus.DONE, "Pricing for next year", null,
                noon.minusSeconds(86_400L * (2 + random.nextInt(5))), List.of(contactIds.get(0)), List.of(sales)));
        if (contactIds.size() > 2) {
            out.add(new ActivityDraft(ActivityType.EMAIL, ActivityStatus.DONE, "Payment terms", null,
                    noon.minusSeconds(86_400L * (100 + random.nextInt(60))), List.of(contactIds.get(2)), List.of(kam)));
        }
        out.add(new ActivityDraft(ActivityType.VISIT, ActivityStatus.PLANNED, "Site visit with the plant manager", null,
                noon.plusSeconds(86_400L * (3 + random.nextInt(10))), List.of(contactIds.get(1)), List.of(kam)));
        return out;
    }

    private PlanAction action(String description, LocalDate due, ActionStatus status) {
        return new PlanAction(null, description, kam, due, status);
    }

    private static ActionStatus status(int index, int done) {
        return index < done ? ActionStatus.DONE : index == done ? ActionStatus.IN_PROGRESS : ActionStatus.OPEN;
    }

    private static String currency(AccountDraft a) {
        return a.currency() == null ? "EUR" : a.currency();
    }

    private static List<String> rivals(String unit) {
        return switch (unit) {
            case DemoCatalog.CONSUMER_GOODS -> List.of("Brightline Brands", "Casa Verde Household", "Nordic Care Co.",
                    "PureHome Products");
            case DemoCatalog.HEALTHCARE -> List.of("Veritas Diagnostics", "Medisphere Supply", "Clearpath Labware",
                    "Helix Clinical");
            default -> List.of("Kraftmann Antriebe", "Motionics Ltd", "Torqueline Systems", "Ferrovia Automazione");
        };
    }
}
