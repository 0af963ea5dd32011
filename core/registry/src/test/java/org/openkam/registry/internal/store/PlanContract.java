package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.Role;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.organization.User;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.PlanEvents;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanReview;
import org.openkam.api.plan.PlanReviewDraft;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.PlanSummary;
import org.openkam.api.plan.PlanVersion;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Strategy;
import org.openkam.api.plan.Swot;
import org.openkam.registry.internal.plan.PlanService;
import org.osgi.service.event.Event;

/** What the account plan store must do, on each database OpenKAM supports. */
abstract class PlanContract {

    static final PlanPeriod FY27 = new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    static final PlanPeriod FY28 = new PlanPeriod(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31));
    static final PlanPeriod H2_27 = new PlanPeriod(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31));
    StoreFixture f;
    PlanService plans;
    Account account;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        plans = new PlanService(f.database, f.eventAdmin);
        account = account(f.kamA, f.unitA, "Nordwerk");
        f.events.clear();
    }

    Account account(Caller caller, String unit, String name) {
        return f.accounts.create(caller, new AccountDraft(unit, name, null, null, "DE", null, AccountStatus.ACTIVE,
                KeyAccountTier.KEY, null, null, null, null, null, null));
    }

    static PlanAction action(String id, String description, ActionStatus status) {
        return new PlanAction(id, description, null, LocalDate.of(2027, 6, 30), status);
    }

    /** Two objectives: sales (two strategies with actions), share of wallet (one strategy with one action). */
    AccountPlanDraft draft(String title, PlanPeriod period, PlanStatus status) {
        return new AccountPlanDraft(title, period, status, RelationshipStage.COOPERATIVE,
                new Swot(List.of("Incumbent on drives"), List.of("Price level"), List.of("New plant in Brno"),
                        List.of("Competitor X courts the CFO")),
                List.of(new Objective(null, "Grow sales", "annual sales EUR", new BigDecimal("1200000.00"),
                        new BigDecimal("1500000"), LocalDate.of(2027, 12, 31), List.of(
                                new Strategy(null, "Win the service contract", List.of(
                                        new PlanAction(null, "Meet the CFO", f.kamA.userId(), LocalDate.of(2027, 3, 31),
                                                ActionStatus.DONE),
                                        action(null, "Send the proposal", ActionStatus.IN_PROGRESS))),
                                new Strategy(null, "Cross-sell sensors", List.of(
                                        action(null, "Demo day", ActionStatus.OPEN),
                                        action(null, "Trade fair invitation", ActionStatus.CANCELLED))))),
                        new Objective(null, "Raise share of wallet", "share of wallet %", new BigDecimal("20"),
                                new BigDecimal("30.5"), null, List.of(new Strategy(null, "Become preferred supplier",
                                        List.of(action(null, "Supplier audit", ActionStatus.DONE)))))));
    }

    AccountPlan create(String title, PlanPeriod period, PlanStatus status) {
        return plans.create(f.kamA, account.id(), draft(title, period, status));
    }

    /** The plan's draft with one action (by plan order) changed. */
    static AccountPlanDraft withAction(AccountPlanDraft d, int index, ActionStatus status) {
        int[] seen = {0};
        List<Objective> objectives = d.objectives().stream().map(o -> new Objective(o.id(), o.description(),
                o.metric(), o.baseline(), o.target(), o.dueDate(), o.strategies().stream().map(s -> new Strategy(s.id(),
                        s.description(), s.actions().stream().map(a -> seen[0]++ == index ? new PlanAction(a.id(),
                                a.description(), a.owner(), a.dueDate(), status) : a).toList())).toList())).toList();
        return new AccountPlanDraft(d.title(), d.period(), d.status(), d.relationshipStage(), d.swot(), objectives);
    }

    static AccountPlanDraft withStatus(AccountPlanDraft d, PlanStatus status) {
        return new AccountPlanDraft(d.title(), d.period(), status, d.relationshipStage(), d.swot(), d.objectives());
    }

    static List<String> fields(ValidationException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void createdPlanReadsBackWithEveryFieldAndNewIds() {
        AccountPlan created = create("Nordwerk 2027", FY27, PlanStatus.DRAFT);
        assertEquals(created, plans.get(f.viewerA, account.id(), created.id()));
        assertEquals(1, created.version());
        assertEquals(f.kamA.userId(), created.updatedBy());
        assertEquals(FY27, created.period());
        assertEquals(List.of("Competitor X courts the CFO"), created.swot().threats());
        assertEquals("1200000", created.objectives().get(0).baseline().toPlainString());
        assertEquals("30.5", created.objectives().get(1).target().toPlainString());
        assertEquals(List.of("Meet the CFO", "Send the proposal", "Demo day", "Trade fair invitation", "Supplier audit"),
                created.actions().stream().map(PlanAction::description).toList());
        assertEquals(f.kamA.userId(), created.actions().get(0).owner());
        created.actions().forEach(a -> assertNotNull(a.id()));
        assertEquals(5, created.actions().stream().map(PlanAction::id).distinct().count());
        assertEquals(50, created.completion()); // 2 done of 4 counted

        // ids a draft carries on create are replaced: a copy of a plan is a new plan
        AccountPlan copy = plans.create(f.kamA, account.id(), created.toDraft());
        assertTrue(copy.actions().stream().map(PlanAction::id).noneMatch(id -> created.actions().stream()
                .anyMatch(a -> a.id().equals(id))));
        assertEquals(Set.of(copy.id(), created.id()), plans.list(f.viewerA, account.id()).stream().map(AccountPlan::id)
                .collect(Collectors.toSet()));

        assertEquals(2, f.events(PlanEvents.PLAN_CHANGED).size());
        assertEquals(PlanEvents.CREATED, f.events(PlanEvents.PLAN_CHANGED).get(0).getProperty(AccountEvents.ACTION));
        assertEquals(created.id(), f.events(PlanEvents.PLAN_CHANGED).get(0).getProperty(AccountEvents.ENTITY_ID));
        assertEquals(f.unitA, f.events(PlanEvents.PLAN_CHANGED).get(0).getProperty(AccountEvents.BUSINESS_UNIT));
        AuditEntry audit = f.audit.forAccount(f.viewerA, account.id(), 10, null).items().stream()
                .filter(e -> e.entityId().equals(created.id())).findFirst().orElseThrow();
        assertEquals("account-plan", audit.entityType());
        assertEquals("created", audit.action());
        assertTrue(audit.changes().stream().anyMatch(c -> c.field().equals("completion") && c.after().equals("50")));
    }

    @Test
    void updatesKeepIdsSentBackAndTheHistoryOfEveryVersion() {
        AccountPlan v1 = create("Nordwerk 2027", FY27, PlanStatus.DRAFT);
        AccountPlanDraft changed = withAction(v1.toDraft(), 1, ActionStatus.DONE);
        Objective first = changed.objectives().get(0);
        Strategy grown = new Strategy(first.strategies().get(0).id(), "Win the service contract", List.of(
                first.strategies().get(0).actions().get(0), first.strategies().get(0).actions().get(1),
                action(null, "Negotiate", ActionStatus.OPEN)));
        changed = new AccountPlanDraft("Nordwerk FY2027", changed.period(), changed.status(),
                RelationshipStage.INTERDEPENDENT, changed.swot(), List.of(new Objective(first.id(), first.description(),
                        first.metric(), first.baseline(), first.target(), first.dueDate(),
                        List.of(grown, first.strategies().get(1))), changed.objectives().get(1)));

        AccountPlan v2 = plans.update(f.kamA, account.id(), v1.id(), 1, changed, false);
        assertEquals(2, v2.version());
        assertEquals("Nordwerk FY2027", v2.title());
        assertEquals(RelationshipStage.INTERDEPENDENT, v2.relationshipStage());
        List<String> idsBefore = v1.actions().stream().map(PlanAction::id).toList();
        List<String> idsAfter = v2.actions().stream().map(PlanAction::id).toList();
        assertEquals(idsBefore.subList(0, 2), idsAfter.subList(0, 2));
        assertFalse(idsBefore.contains(idsAfter.get(2)), "a new action gets a new id");
        assertEquals(idsBefore.subList(2, 5), idsAfter.subList(3, 6));
        assertEquals(v1.objectives().get(0).id(), v2.objectives().get(0).id());
        assertEquals(ActionStatus.DONE, v2.actions().get(1).status());
        assertEquals(60, v2.completion()); // 3 done of 5 counted
        assertEquals(v2, plans.get(f.kamA, account.id(), v1.id()));

        List<PlanVersion> versions = plans.versions(f.viewerA, account.id(), v1.id());
        assertEquals(List.of(2L, 1L), versions.stream().map(PlanVersion::version).toList());
        assertEquals(v2, versions.get(0).plan());
        assertEquals(v1, versions.get(1).plan());
        assertEquals(v1, plans.version(f.viewerA, account.id(), v1.id(), 1).plan());
        assertEquals(f.kamA.userId(), plans.version(f.viewerA, account.id(), v1.id(), 1).changedBy());
        assertEquals(v1.updatedAt(), plans.version(f.viewerA, account.id(), v1.id(), 1).changedAt());
        assertEquals(v2, plans.version(f.viewerA, account.id(), v1.id(), 2).plan());
        assertThrows(NotFoundException.class, () -> plans.version(f.viewerA, account.id(), v1.id(), 3));

        // a second writer by another user; an update that changes nothing writes no version
        AccountPlan v3 = plans.update(f.buAdminA, account.id(), v1.id(), 2, withStatus(v2.toDraft(),
                PlanStatus.ACTIVE), false);
        assertEquals(f.buAdminA.userId(), v3.updatedBy());
        assertEquals(v3, plans.update(f.kamA, account.id(), v1.id(), 3, v3.toDraft(), true));
        assertEquals(List.of(3L, 2L, 1L), plans.versions(f.kamA, account.id(), v1.id()).stream()
                .map(PlanVersion::version).toList());
        List<AuditEntry> trail = f.audit.forAccount(f.viewerA, account.id(), 10, null).items();
        assertEquals(List.of("updated", "updated", "created"), trail.stream().filter(e -> e.entityId().equals(v1.id()))
                .map(AuditEntry::action).toList());
    }

    @Test
    void idsFromElsewhereAreRefusedAndChangeNothing() {
        AccountPlan mine = create("Nordwerk 2027", FY27, PlanStatus.DRAFT);
        AccountPlan other = create("Nordwerk 2028", FY28, PlanStatus.DRAFT);
        AccountPlanDraft d = mine.toDraft();
        Objective o = d.objectives().get(0);
        Strategy s = o.strategies().get(0);
        PlanAction foreign = other.actions().get(0);
        AccountPlanDraft stealing = new AccountPlanDraft(d.title(), d.period(), d.status(), d.relationshipStage(),
                d.swot(), List.of(new Objective(o.id(), o.description(), o.metric(), o.baseline(), o.target(),
                        o.dueDate(), List.of(new Strategy(s.id(), s.description(), List.of(foreign)),
                                new Strategy(mine.objectives().get(1).id(), "an objective's id as a strategy's",
                                        List.of())))));
        ValidationException e = assertThrows(ValidationException.class,
                () -> plans.update(f.kamA, account.id(), mine.id(), 1, stealing, false));
        assertEquals(List.of("objectives[0].strategies[1].id", "objectives[0].strategies[0].actions[0].id"),
                fields(e).stream().sorted((a, b) -> b.compareTo(a)).toList());
        assertEquals(mine, plans.get(f.kamA, account.id(), mine.id()));
        assertEquals(other, plans.get(f.kamA, account.id(), other.id()));
    }

    @Test
    void actionOwnersHoldARoleInTheAccountsUnit() {
        AccountPlanDraft d = draft("Nordwerk 2027", FY27, PlanStatus.DRAFT);
        Objective o = d.objectives().get(0);
        AccountPlanDraft foreignOwner = new AccountPlanDraft(d.title(), d.period(), d.status(), d.relationshipStage(),
                d.swot(), List.of(new Objective(null, o.description(), o.metric(), o.baseline(), o.target(), null,
                        List.of(new Strategy(null, "s", List.of(new PlanAction(null, "x", f.kamB.userId(), null,
                                null)))))));
        ValidationException e = assertThrows(ValidationException.class,
                () -> plans.create(f.kamA, account.id(), foreignOwner));
        assertEquals(List.of("objectives[0].strategies[0].actions[0].owner"), fields(e));
        assertEquals(List.of(), plans.list(f.kamA, account.id()));
    }

    @Test
    void invalidDraftsReportEveryFieldAndStoreNothing() {
        AccountPlanDraft d = draft("Nordwerk 2027", new PlanPeriod(FY27.end(), FY27.start()), PlanStatus.DRAFT);
        Objective o = d.objectives().get(0);
        PlanAction badOwner = new PlanAction(null, "x", UUID.randomUUID().toString(), null, null);
        AccountPlanDraft bad = new AccountPlanDraft(d.title(), d.period(), d.status(), d.relationshipStage(), d.swot(),
                List.of(new Objective(null, o.description(), o.metric(), o.baseline(), null, null, List.of(
                        new Strategy(null, "s", List.of(badOwner))))));
        ValidationException e = assertThrows(ValidationException.class,
                () -> plans.create(f.kamA, account.id(), bad));
        assertEquals(List.of("period.end", "objectives[0].target", "objectives[0].strategies[0].actions[0].owner"),
                fields(e));
        assertEquals(List.of(), plans.list(f.kamA, account.id()));
        assertTrue(f.events.isEmpty());
    }

    @Test
    void staleVersionsAreRefused() {
        AccountPlan v1 = create("Nordwerk 2027", FY27, PlanStatus.DRAFT);
        plans.update(f.kamA, account.id(), v1.id(), 1, withStatus(v1.toDraft(), PlanStatus.ACTIVE), false);
        StaleVersionException e = assertThrows(StaleVersionException.class, () -> plans.update(f.kamA, account.id(),
                v1.id(), 1, withStatus(v1.toDraft(), PlanStatus.ARCHIVED), false));
        assertEquals(2, e.currentVersion());
        assertThrows(StaleVersionException.class, () -> plans.delete(f.kamA, account.id(), v1.id(), 1));
        assertEquals(PlanStatus.ACTIVE, plans.get(f.kamA, account.id(), v1.id()).status());
    }

    @Test
    void oneActivePlanPerAccountAndDay() {
        AccountPlan year = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        ConflictException onCreate = assertThrows(ConflictException.class,
                () -> create("Second half 2027", H2_27, PlanStatus.ACTIVE));
        assertEquals("status", onCreate.field());

        AccountPlan half = create("Second half 2027", H2_27, PlanStatus.DRAFT);
        ConflictException onActivation = assertThrows(ConflictException.class, () -> plans.update(f.kamA,
                account.id(), half.id(), 1, withStatus(half.toDraft(), PlanStatus.ACTIVE), false));
        assertEquals("status", onActivation.field());
        assertEquals(PlanStatus.DRAFT, plans.get(f.kamA, account.id(), half.id()).status());

        // moving an active plan onto another active plan's days clashes too
        AccountPlan next = create("Nordwerk 2028", FY28, PlanStatus.ACTIVE);
        AccountPlanDraft moved = new AccountPlanDraft(next.title(), new PlanPeriod(LocalDate.of(2027, 12, 1),
                FY28.end()), PlanStatus.ACTIVE, next.relationshipStage(), next.swot(), next.objectives());
        assertEquals("status", assertThrows(ConflictException.class,
                () -> plans.update(f.kamA, account.id(), next.id(), 1, moved, false)).field());

        // another account's plans do not count; an archived plan frees its days
        Account other = account(f.kamA, f.unitA, "Südwerk");
        plans.create(f.kamA, other.id(), draft("Südwerk 2027", FY27, PlanStatus.ACTIVE));
        plans.update(f.kamA, account.id(), year.id(), 1, withStatus(year.toDraft(), PlanStatus.ARCHIVED), false);
        assertEquals(PlanStatus.ACTIVE, plans.update(f.kamA, account.id(), half.id(), 1,
                withStatus(half.toDraft(), PlanStatus.ACTIVE), false).status());
    }

    @Test
    void theActivePlanIsTheOneOfTheDayElseTheLatest() {
        assertEquals(Optional.empty(), plans.active(f.viewerA, account.id(), LocalDate.of(2027, 5, 1)));
        assertEquals(Optional.empty(), plans.activeSummary(f.viewerA, account.id(), LocalDate.of(2027, 5, 1)));
        create("Draft 2027", FY27, PlanStatus.DRAFT);
        AccountPlan y27 = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        AccountPlan y28 = create("Nordwerk 2028", FY28, PlanStatus.ACTIVE);
        assertEquals(y27, plans.active(f.viewerA, account.id(), LocalDate.of(2027, 5, 1)).orElseThrow());
        assertEquals(y28, plans.active(f.viewerA, account.id(), LocalDate.of(2028, 1, 1)).orElseThrow());
        assertEquals(y28, plans.active(f.viewerA, account.id(), LocalDate.of(2026, 5, 1)).orElseThrow());
        assertEquals(y28, plans.active(f.viewerA, account.id(), LocalDate.of(2031, 5, 1)).orElseThrow());
        // many accounts at once choose the same; accounts without an active plan, or not readable, are left out
        Account without = account(f.kamA, f.unitA, "Südwerk");
        for (LocalDate day : List.of(LocalDate.of(2027, 5, 1), LocalDate.of(2028, 1, 1), LocalDate.of(2031, 5, 1))) {
            assertEquals(Map.of(account.id(), plans.active(f.viewerA, account.id(), day).orElseThrow()),
                    plans.active(f.viewerA, List.of(account.id(), without.id(), "gone"), day));
        }
        assertEquals(Map.of(), plans.active(f.kamB, List.of(account.id()), LocalDate.of(2027, 5, 1)));
        // an administrator's ids are not looked up first: an unknown one still finds nothing
        assertEquals(Map.of(account.id(), y27), plans.active(f.admin, List.of("gone", account.id(), without.id()),
                LocalDate.of(2027, 5, 1)));
    }

    @Test
    void theSummaryShowsTheActivePlansFiguresAndLatestReview() {
        AccountPlan plan = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        plans.addReview(f.kamA, account.id(), plan.id(), new PlanReviewDraft(LocalDate.of(2027, 4, 1), 4, "on track",
                LocalDate.of(2027, 7, 1)));
        plans.addReview(f.kamA, account.id(), plan.id(), new PlanReviewDraft(LocalDate.of(2027, 1, 15), 2, "late",
                LocalDate.of(2027, 4, 1)));
        LocalDate today = LocalDate.of(2027, 7, 10);
        PlanSummary s = plans.activeSummary(f.viewerA, account.id(), today).orElseThrow();
        // actions: done, in progress (due 06-30), open (due 06-30), cancelled, done -> 2 of 4 done, 2 open, 2 overdue
        assertEquals(new PlanSummary(plan.id(), "Nordwerk 2027", FY27, RelationshipStage.COOPERATIVE, 50, 2, 2, 2,
                LocalDate.of(2027, 4, 1), 4, LocalDate.of(2027, 7, 1), true), s);
    }

    @Test
    void reviewsAreAppendedAndValidated() {
        AccountPlan plan = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        PlanReview first = plans.addReview(f.kamA, account.id(), plan.id(), new PlanReviewDraft(
                LocalDate.of(2027, 3, 31), 3, "  behind on sensors  ", LocalDate.of(2027, 6, 30)));
        assertEquals("behind on sensors", first.notes());
        assertEquals(f.kamA.userId(), first.reviewer());
        PlanReview second = plans.addReview(f.buAdminA, account.id(), plan.id(), new PlanReviewDraft(
                LocalDate.of(2027, 6, 30), 5, null, null));
        assertEquals(List.of(second, first), plans.reviews(f.viewerA, account.id(), plan.id()));
        assertEquals(1, plans.get(f.kamA, account.id(), plan.id()).version(), "a review does not change the plan");

        ValidationException e = assertThrows(ValidationException.class, () -> plans.addReview(f.kamA, account.id(),
                plan.id(), new PlanReviewDraft(LocalDate.of(2027, 9, 30), 6, null, LocalDate.of(2027, 9, 1))));
        assertEquals(List.of("rating", "nextReviewDate"), fields(e));
        assertThrows(AccessDeniedException.class, () -> plans.addReview(f.viewerA, account.id(), plan.id(),
                new PlanReviewDraft(LocalDate.of(2027, 9, 30), 3, null, null)));
        assertEquals(2, plans.reviews(f.kamA, account.id(), plan.id()).size());

        List<Event> reviewed = f.events(PlanEvents.PLAN_CHANGED).stream()
                .filter(ev -> PlanEvents.REVIEWED.equals(ev.getProperty(AccountEvents.ACTION))).toList();
        assertEquals(2, reviewed.size());
        assertEquals(first.id(), reviewed.get(0).getProperty(PlanEvents.REVIEW_ID));
        assertEquals(plan.id(), reviewed.get(0).getProperty(AccountEvents.ENTITY_ID));
        assertTrue(f.audit.forAccount(f.viewerA, account.id(), 20, null).items().stream()
                .anyMatch(a -> a.entityType().equals("plan-review") && a.entityId().equals(first.id())));
    }

    @Test
    void onlyDraftOrArchivedPlansAreDeleted() {
        AccountPlan plan = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        plans.addReview(f.kamA, account.id(), plan.id(), new PlanReviewDraft(LocalDate.of(2027, 3, 31), 3, null, null));
        assertEquals("status", assertThrows(ConflictException.class,
                () -> plans.delete(f.kamA, account.id(), plan.id(), 1)).field());
        plans.update(f.kamA, account.id(), plan.id(), 1, withStatus(plan.toDraft(), PlanStatus.ARCHIVED), false);
        plans.delete(f.kamA, account.id(), plan.id(), 2);
        assertThrows(NotFoundException.class, () -> plans.get(f.kamA, account.id(), plan.id()));
        assertThrows(NotFoundException.class, () -> plans.reviews(f.kamA, account.id(), plan.id()));
        assertThrows(NotFoundException.class, () -> plans.versions(f.kamA, account.id(), plan.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM plan_action WHERE plan_id = ?", plan.id()));
        assertEquals(0, count("SELECT COUNT(*) FROM plan_version WHERE plan_id = ?", plan.id()));
        assertEquals(PlanEvents.DELETED, f.events(PlanEvents.PLAN_CHANGED).get(f.events(PlanEvents.PLAN_CHANGED)
                .size() - 1).getProperty(AccountEvents.ACTION));

        AccountPlan draft = create("Draft", FY28, PlanStatus.DRAFT);
        plans.delete(f.kamA, account.id(), draft.id(), 1);
        assertEquals(List.of(), plans.list(f.kamA, account.id()));
    }

    @Test
    void deletingTheAccountDeletesItsPlans() {
        AccountPlan plan = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        plans.update(f.kamA, account.id(), plan.id(), 1, withStatus(plan.toDraft(), PlanStatus.ARCHIVED), false);
        plans.addReview(f.kamA, account.id(), plan.id(), new PlanReviewDraft(LocalDate.of(2027, 3, 31), 3, null, null));
        f.accounts.delete(f.kamA, account.id(), f.accounts.get(f.kamA, account.id()).version());
        for (String table : List.of("account_plan", "plan_objective", "plan_strategy", "plan_action", "plan_review",
                "plan_version")) {
            String column = table.equals("account_plan") ? "id" : "plan_id";
            assertEquals(0, count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", plan.id()), table);
        }
    }

    @Test
    void finishingAnActionClosesItsFollowUpsOnlyWhenAsked() {
        AccountPlan v1 = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        String proposal = v1.actions().get(1).id(); // in progress
        String demo = v1.actions().get(2).id(); // open
        String proposalFollowUp = followUp(proposal, "OPEN");
        String demoFollowUp = followUp(demo, "OPEN");
        String demoFollowUpDone = followUp(demo, "DONE");

        AccountPlan v2 = plans.update(f.kamA, account.id(), v1.id(), 1, withAction(v1.toDraft(), 1, ActionStatus.DONE),
                false);
        assertEquals("OPEN", followUpStatus(proposalFollowUp), "not asked: the follow-up stays open");

        plans.update(f.kamA, account.id(), v1.id(), 2, withAction(v2.toDraft(), 2, ActionStatus.DONE), true);
        assertEquals("DONE", followUpStatus(demoFollowUp), "asked: the newly done action's follow-up is closed");
        assertEquals("DONE", followUpStatus(demoFollowUpDone));
        assertEquals("OPEN", followUpStatus(proposalFollowUp), "that action was done before this update");
        assertTrue(f.audit.forAccount(f.viewerA, account.id(), 20, null).items().stream()
                .anyMatch(a -> a.entityType().equals("follow-up") && a.entityId().equals(demoFollowUp)));
    }

    @Test
    void otherUnitsPlansDoNotExistAndViewersOnlyRead() {
        AccountPlan plan = create("Nordwerk 2027", FY27, PlanStatus.ACTIVE);
        String a = account.id();
        String p = plan.id();
        PlanReviewDraft review = new PlanReviewDraft(LocalDate.of(2027, 3, 31), 3, null, null);
        assertThrows(NotFoundException.class, () -> plans.list(f.kamB, a));
        assertThrows(NotFoundException.class, () -> plans.get(f.kamB, a, p));
        assertThrows(NotFoundException.class, () -> plans.create(f.kamB, a, draft("X", FY28, PlanStatus.DRAFT)));
        assertThrows(NotFoundException.class, () -> plans.update(f.kamB, a, p, 1, plan.toDraft(), false));
        assertThrows(NotFoundException.class, () -> plans.delete(f.kamB, a, p, 1));
        assertThrows(NotFoundException.class, () -> plans.addReview(f.kamB, a, p, review));
        assertThrows(NotFoundException.class, () -> plans.reviews(f.kamB, a, p));
        assertThrows(NotFoundException.class, () -> plans.versions(f.kamB, a, p));
        assertThrows(NotFoundException.class, () -> plans.version(f.kamB, a, p, 1));
        assertThrows(NotFoundException.class, () -> plans.active(f.kamB, a, LocalDate.of(2027, 5, 1)));
        assertThrows(NotFoundException.class, () -> plans.activeSummary(f.kamB, a, LocalDate.of(2027, 5, 1)));

        // a plan id under another account is not found either
        Account inB = account(f.kamB, f.unitB, "Beta Corp");
        assertThrows(NotFoundException.class, () -> plans.get(f.admin, inB.id(), p));
        assertThrows(NotFoundException.class, () -> plans.update(f.admin, inB.id(), p, 1, plan.toDraft(), false));

        assertEquals(plan, plans.get(f.viewerA, a, p));
        assertThrows(AccessDeniedException.class, () -> plans.create(f.viewerA, a, draft("X", FY28, PlanStatus.DRAFT)));
        assertThrows(AccessDeniedException.class, () -> plans.update(f.viewerA, a, p, 1, plan.toDraft(), false));
        assertThrows(AccessDeniedException.class, () -> plans.delete(f.viewerA, a, p, 1));
        assertEquals(plan, plans.get(f.admin, a, p));
        assertNotEquals(List.of(), plans.list(f.buAdminA, a));
    }

    @Test
    void actionOwnersDisabledSinceDoNotBlockUpdates() {
        User leaver = f.user("leaver-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of(f.unitA, Set.of(Role.KEY_ACCOUNT_MANAGER)));
        AccountPlanDraft d = draft("Nordwerk 2027", FY27, PlanStatus.DRAFT);
        Objective o = d.objectives().get(1);
        AccountPlanDraft owned = new AccountPlanDraft(d.title(), d.period(), d.status(), d.relationshipStage(),
                d.swot(), List.of(d.objectives().get(0), new Objective(null, o.description(), o.metric(), o.baseline(),
                        o.target(), o.dueDate(), List.of(new Strategy(null, "s", List.of(new PlanAction(null, "a",
                                leaver.id(), null, null)))))));
        AccountPlan plan = plans.create(f.kamA, account.id(), owned);
        execute("UPDATE app_user SET enabled = FALSE WHERE id = ?", leaver.id());

        AccountPlan renamed = plans.update(f.kamA, account.id(), plan.id(), 1, new AccountPlanDraft("Renamed",
                FY27, PlanStatus.DRAFT, plan.relationshipStage(), plan.swot(), plan.objectives()), false);
        assertEquals(leaver.id(), renamed.actions().get(4).owner());
        AccountPlanDraft reassigned = new AccountPlanDraft("Renamed", FY27, PlanStatus.DRAFT,
                plan.relationshipStage(), plan.swot(), List.of(plan.objectives().get(0), new Objective(
                        plan.objectives().get(1).id(), o.description(), o.metric(), o.baseline(), o.target(),
                        o.dueDate(), List.of(new Strategy(null, "s", List.of(new PlanAction(null, "b", leaver.id(),
                                null, null)))))));
        ValidationException e = assertThrows(ValidationException.class,
                () -> plans.update(f.kamA, account.id(), plan.id(), 2, reassigned, false));
        assertEquals(List.of("objectives[1].strategies[0].actions[0].owner"), fields(e));
    }

    String followUp(String actionId, String status) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        execute("INSERT INTO follow_up (id, account_id, plan_action_id, title, owner_id, due_date, status, version, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", id, account.id(), actionId,
                "Follow up " + actionId, f.kamA.userId(), LocalDate.of(2027, 6, 1), status, now, now);
        return id;
    }

    String followUpStatus(String id) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT status FROM follow_up WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    long count(String sql, String param) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    void execute(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
