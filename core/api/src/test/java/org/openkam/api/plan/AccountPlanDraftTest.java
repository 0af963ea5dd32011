package org.openkam.api.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.Violation;

class AccountPlanDraftTest {

    static final PlanPeriod FY27 = new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));

    static Objective objective(BigDecimal target, List<Strategy> strategies) {
        return new Objective(null, "Grow the account", "annual sales EUR", new BigDecimal("1200000"), target,
                LocalDate.of(2027, 12, 31), strategies);
    }

    static Strategy strategy(PlanAction... actions) {
        return new Strategy(null, "Win the service contract", List.of(actions));
    }

    static PlanAction action(String description) {
        return new PlanAction(null, description, null, null, null);
    }

    static AccountPlanDraft draft(PlanPeriod period, Swot swot, List<Objective> objectives) {
        return new AccountPlanDraft("Nordwerk 2027", period, PlanStatus.DRAFT, RelationshipStage.BASIC, swot,
                objectives);
    }

    static List<String> fields(AccountPlanDraft d) {
        return d.normalized().validate().list().stream().map(Violation::field).toList();
    }

    @Test
    void aValidDraftHasNoViolations() {
        AccountPlanDraft d = draft(FY27, new Swot(List.of("Incumbent on drives"), List.of("Price"), List.of(),
                List.of("New competitor")), List.of(objective(new BigDecimal("2000000"),
                        List.of(strategy(action("Meet the CFO"), action("Propose the contract"))))));
        assertEquals(List.of(), fields(d));
    }

    @Test
    void normalizingTrimsAndFillsDefaults() {
        AccountPlanDraft d = new AccountPlanDraft("  Nordwerk 2027 ", FY27, null, RelationshipStage.BASIC,
                new Swot(List.of("  strong  "), null, null, null), List.of(new Objective(" ", " Grow ", " sales ",
                        new BigDecimal("1200.50"), new BigDecimal("1E+3"), null, List.of(new Strategy(null, " s ",
                                List.of(new PlanAction(null, " a ", " ", null, null))))))).normalized();
        assertEquals("Nordwerk 2027", d.title());
        assertEquals(PlanStatus.DRAFT, d.status());
        assertEquals(List.of("strong"), d.swot().strengths());
        assertEquals(List.of(), d.swot().threats());
        Objective o = d.objectives().get(0);
        assertNull(o.id());
        assertEquals("Grow", o.description());
        assertEquals("1200.5", o.baseline().toPlainString());
        assertEquals("1000", o.target().toPlainString());
        PlanAction a = o.strategies().get(0).actions().get(0);
        assertEquals("a", a.description());
        assertNull(a.owner());
        assertEquals(ActionStatus.OPEN, a.status());
    }

    @Test
    void anObjectiveWithoutATargetIsRefusedByIndex() {
        AccountPlanDraft d = draft(FY27, null, List.of(objective(BigDecimal.ONE, List.of()), objective(null, List.of())));
        assertEquals(List.of("objectives[1].target"), fields(d));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "end before start, 2027-12-31, 2027-01-01, period.end",
        "end on the start day, 2027-01-01, 2027-01-01, period.end",
        "three years and a day, 2027-01-01, 2030-01-01, period.end",
    })
    void badPeriodsAreNamed(String why, LocalDate start, LocalDate end, String field) {
        assertEquals(List.of(field), fields(draft(new PlanPeriod(start, end), null, List.of())));
    }

    @Test
    void threeYearsIsTheLongestPeriod() {
        assertEquals(List.of(), fields(draft(new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31)),
                null, List.of())));
    }

    @Test
    void aPeriodNeedsBothDays() {
        assertEquals(List.of("period"), fields(draft(null, null, List.of())));
        assertEquals(List.of("period.start", "period.end"), fields(draft(new PlanPeriod(null, null), null, List.of())));
    }

    @Test
    void swotListsAreBoundedInItemsAndLength() {
        List<String> twentyOne = Collections.nCopies(Swot.MAX_ITEMS + 1, "item");
        Swot swot = new Swot(Collections.nCopies(Swot.MAX_ITEMS, "ok"), twentyOne,
                List.of("fine", "x".repeat(Swot.MAX_LENGTH + 1)), List.of("  "));
        assertEquals(List.of("swot.weaknesses", "swot.opportunities[1]", "swot.threats[0]"),
                fields(draft(FY27, swot, List.of())));
    }

    @Test
    void everyViolationIsReportedAtOnceByWireName() {
        AccountPlanDraft d = new AccountPlanDraft(" ", new PlanPeriod(LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 4, 1)), null, null, null, List.of(new Objective(null, null, null, null,
                        new BigDecimal("0.00001"), null, List.of(new Strategy(null, "", List.of(
                                new PlanAction(null, "ok", null, null, null), new PlanAction(null, null, null, null,
                                        null)))))));
        assertEquals(List.of("title", "period.end", "relationshipStage", "objectives[0].description",
                "objectives[0].metric", "objectives[0].target", "objectives[0].strategies[0].description",
                "objectives[0].strategies[0].actions[1].description"), fields(d));
    }

    @Test
    void theTreeIsBounded() {
        List<Objective> many = Collections.nCopies(AccountPlanDraft.MAX_OBJECTIVES + 1, objective(BigDecimal.ONE,
                List.of()));
        assertEquals(List.of("objectives"), fields(draft(FY27, null, many)));
        Strategy crowded = new Strategy(null, "s", Collections.nCopies(Strategy.MAX_ACTIONS + 1, action("a")));
        assertEquals(List.of("objectives[0].strategies[0].actions"),
                fields(draft(FY27, null, List.of(objective(BigDecimal.ONE, List.of(crowded))))));
        // 13 objectives of 1 strategy of 25 actions: 325 actions, above the plan's 300
        Strategy full = new Strategy(null, "s", Collections.nCopies(Strategy.MAX_ACTIONS, action("a")));
        List<Objective> big = Collections.nCopies(13, objective(BigDecimal.ONE, List.of(full)));
        assertEquals(List.of("objectives"), fields(draft(FY27, null, big)));
    }

    @Test
    void anIdNamesOneElementOnly() {
        Objective o = new Objective("x1", "o", "m", null, BigDecimal.ONE, null, List.of(
                new Strategy("x2", "s", List.of(new PlanAction("x1", "a", null, null, null),
                        new PlanAction("x3", "b", null, null, null), new PlanAction("x3", "c", null, null, null)))));
        assertEquals(List.of("objectives[0].strategies[0].actions[0].id", "objectives[0].strategies[0].actions[2].id"),
                fields(draft(FY27, null, List.of(o))));
    }

    @Test
    void aStoredPlansDraftKeepsItsIds() {
        AccountPlan plan = AccountPlanTest.plan(List.of(new Objective("o1", "Grow", "sales", null, BigDecimal.TEN,
                null, List.of(new Strategy("s1", "s", List.of(AccountPlanTest.action("a1", ActionStatus.DONE, null)))))));
        AccountPlanDraft d = plan.toDraft();
        assertEquals("a1", d.actions().get(0).id());
        assertTrue(d.normalized().validate().isEmpty());
        assertEquals(d, d.normalized());
    }
}
