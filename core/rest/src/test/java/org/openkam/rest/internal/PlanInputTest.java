package org.openkam.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.ActionStatus;
import org.openkam.api.plan.PlanPeriod;
import org.openkam.api.plan.PlanReviewDraft;
import org.openkam.api.plan.PlanStatus;
import org.openkam.api.plan.RelationshipStage;
import org.openkam.api.plan.Swot;
import org.openkam.http.api.Body;
import org.openkam.http.api.Json;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class PlanInputTest {

    static final String PLAN = """
            {"title": "Nordwerk 2027", "period": {"start": "2027-01-01", "end": "2027-12-31"},
             "status": "active", "relationshipStage": "interdependent",
             "swot": {"strengths": ["Incumbent"], "threats": ["Competitor X"]},
             "objectives": [{"description": "Grow", "metric": "annual sales EUR", "baseline": 1200000,
                             "target": "1500000.50", "dueDate": "2027-12-31",
                             "strategies": [{"description": "Service contract",
                                             "actions": [{"id": "a1", "description": "Meet the CFO",
                                                          "owner": "u1", "dueDate": "2027-03-31",
                                                          "status": "in-progress"},
                                                         {"description": "Proposal"}]}]}]}
            """;

    static Body body(String json) {
        return new Body(JsonParser.parseString(json).getAsJsonObject());
    }

    static List<String> refused(String json) {
        ValidationException e = assertThrows(ValidationException.class, () -> PlanInput.plan(body(json), null));
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void aWholePlanIsRead() {
        AccountPlanDraft d = PlanInput.plan(body(PLAN), null);
        assertEquals("Nordwerk 2027", d.title());
        assertEquals(new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)), d.period());
        assertEquals(PlanStatus.ACTIVE, d.status());
        assertEquals(RelationshipStage.INTERDEPENDENT, d.relationshipStage());
        assertEquals(new Swot(List.of("Incumbent"), List.of(), List.of(), List.of("Competitor X")), d.swot());
        assertEquals(new BigDecimal("1500000.50"), d.objectives().get(0).target());
        assertEquals("a1", d.actions().get(0).id());
        assertEquals(ActionStatus.IN_PROGRESS, d.actions().get(0).status());
        assertEquals(LocalDate.of(2027, 3, 31), d.actions().get(0).dueDate());
        assertNull(d.actions().get(1).status(), "absent: the draft's normalization makes it open");
    }

    @Test
    void anUnknownRelationshipStageIsNamed() {
        assertEquals(List.of("relationshipStage"), refused(PLAN.replace("\"interdependent\"", "\"friends\"")));
    }

    @Test
    void unknownEnumsDeepInTheTreeAreNamedByPath() {
        assertEquals(List.of("objectives[0].strategies[0].actions[0].status"),
                refused(PLAN.replace("\"in-progress\"", "\"half-done\"")));
        assertEquals(List.of("status"), refused(PLAN.replace("\"active\"", "\"live\"")));
    }

    @Test
    void anObjectiveWithoutATargetIsLeftToTheRulesWhenNothingElseIsWrong() {
        // reading alone finds nothing, so the service validates and reports it; with a reading problem both come at once
        AccountPlanDraft d = PlanInput.plan(body(PLAN.replace("\"target\": \"1500000.50\",", "")), null);
        assertEquals(List.of("objectives[0].target"), d.normalized().validate().list().stream().map(Violation::field)
                .toList());
        assertEquals(List.of("relationshipStage", "objectives[0].target"), refused(PLAN
                .replace("\"1500000.50\"", "null").replace("\"interdependent\"", "\"friends\"")));
    }

    @Test
    void readingAndRuleProblemsAreReportedTogether() {
        String bad = PLAN.replace("\"end\": \"2027-12-31\"", "\"end\": \"2026-01-01\"")
                .replace("\"Nordwerk 2027\"", "\"\"")
                .replace("\"baseline\": 1200000", "\"baseline\": \"lots\"")
                .replace("\"owner\": \"u1\"", "\"owner\": 7, \"colour\": \"red\"")
                .replace("[\"Competitor X\"]", "[\"ok\", 42]");
        assertEquals(List.of("swot.threats[1]", "objectives[0].baseline",
                "objectives[0].strategies[0].actions[0].colour", "objectives[0].strategies[0].actions[0].owner",
                "title", "period.end"), refused(bad));
    }

    @Test
    void readOnlyFieldsOfAReadPlanAreAccepted() {
        String sentBack = PLAN.replace("{\"title\"", "{\"id\": \"p1\", \"accountId\": \"acc\", \"completion\": 50, "
                + "\"version\": 3, \"createdAt\": \"x\", \"updatedAt\": \"y\", \"updatedBy\": \"u\", \"title\"");
        assertEquals("Nordwerk 2027", PlanInput.plan(body(sentBack), null).title());
    }

    @Test
    void aPatchKeepsWhatItDoesNotNameEvenInsidePeriodAndSwot() {
        AccountPlanDraft base = PlanInput.plan(body(PLAN), null);
        AccountPlanDraft patched = PlanInput.plan(body("{\"period\": {\"end\": \"2028-06-30\"}, "
                + "\"swot\": {\"weaknesses\": [\"Price\"]}, \"status\": \"archived\"}"), base);
        assertEquals(new PlanPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30)), patched.period());
        assertEquals(List.of("Incumbent"), patched.swot().strengths());
        assertEquals(List.of("Price"), patched.swot().weaknesses());
        assertEquals(PlanStatus.ARCHIVED, patched.status());
        assertEquals(base.objectives(), patched.objectives());
        assertEquals(List.of(), PlanInput.plan(body("{\"objectives\": []}"), base).objectives());
    }

    @Test
    void reviewsAreReadAndRefusedByField() {
        PlanReviewDraft r = PlanInput.review(body("{\"reviewDate\": \"2027-03-31\", \"rating\": 4, \"notes\": \"ok\","
                + " \"nextReviewDate\": \"2027-06-30\"}"));
        assertEquals(new PlanReviewDraft(LocalDate.of(2027, 3, 31), 4, "ok", LocalDate.of(2027, 6, 30)), r);
        PlanReviewDraft huge = PlanInput.review(body(
                "{\"reviewDate\": \"2027-03-31\", \"rating\": 9000000000, \"nextReviewDate\": \"2027-01-01\"}"));
        assertEquals(List.of("rating", "nextReviewDate"), huge.validate().list().stream().map(Violation::field).toList());
        ValidationException typed = assertThrows(ValidationException.class, () -> PlanInput.review(body(
                "{\"reviewDate\": \"March\", \"rating\": 2.5, \"nextReviewDate\": \"2027-01-01\"}")));
        assertEquals(List.of("reviewDate", "rating"), typed.violations().stream().map(Violation::field).toList());
    }

    @Test
    void plansGoOnTheWireWithCompletionAndIsoDays() {
        AccountPlanDraft d = PlanInput.plan(body(PLAN), null);
        AccountPlan plan = new AccountPlan("p1", "acc", d.title(), d.period(), d.status(), d.relationshipStage(),
                d.swot(), d.normalized().objectives(), 2, Instant.EPOCH, Instant.EPOCH, "u1");
        JsonObject json = Json.create().toJsonTree(PlanBody.of(plan)).getAsJsonObject();
        assertEquals(0, json.get("completion").getAsInt());
        assertEquals("2027-12-31", json.getAsJsonObject("period").get("end").getAsString());
        assertEquals("interdependent", json.get("relationshipStage").getAsString());
        assertEquals("in-progress", json.getAsJsonArray("objectives").get(0).getAsJsonObject()
                .getAsJsonArray("strategies").get(0).getAsJsonObject().getAsJsonArray("actions").get(0)
                .getAsJsonObject().get("status").getAsString());
    }
}
