package org.openkam.registry.internal.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.engagement.CoordinationWarning;

/** Anna (kam) logs a call with Ann Lee on 2027-03-10 10:00; what do her colleagues' activities say? */
class CoordinationTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant CALL = Instant.parse("2027-03-10T10:00:00Z");
    private static final Map<String, String> CONTACTS = Map.of("lee", "Ann Lee", "roe", "Rick Roe");
    private static final Map<String, Member> MEMBERS = Map.of(
            "anna", new Member("anna", "anna.kam", "Anna Kam"),
            "karl", new Member("karl", "karl.sales", "Karl Sales"),
            "fred", new Member("fred", "fred.service", null));
    private static final Activity MINE = activity("mine", ActivityType.CALL, ActivityStatus.DONE, CALL,
            List.of("lee"), List.of("anna"));

    private static Activity activity(String id, ActivityType type, ActivityStatus status, Instant at,
            List<String> contacts, List<String> participants) {
        return new Activity(id, "acc", type, status, "Subject " + id, null, at, contacts, participants, "x", 1,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static List<CoordinationWarning> warnings(Activity... others) {
        return Coordination.warnings(MINE, List.of(others), WEEK, CONTACTS, MEMBERS);
    }

    @Test
    void anotherMemberThreeDaysEarlierWithTheSamePersonIsNamed() {
        Activity karls = activity("k1", ActivityType.VISIT, ActivityStatus.DONE, CALL.minus(Duration.ofDays(3)),
                List.of("lee", "roe"), List.of("karl"));
        List<CoordinationWarning> w = warnings(karls);
        assertEquals(1, w.size());
        CoordinationWarning only = w.get(0);
        assertEquals("lee", only.contactId());
        assertEquals("Ann Lee", only.contactName());
        assertEquals("karl", only.memberId());
        assertEquals("karl.sales", only.memberUsername());
        assertEquals("Karl Sales", only.memberDisplayName());
        assertEquals("k1", only.activityId());
        assertEquals(ActivityType.VISIT, only.activityType());
        assertEquals(CALL.minus(Duration.ofDays(3)), only.occurredAt());
        assertEquals("Ann Lee: Karl Sales (karl.sales) had a visit with them on 2027-03-07; coordinate first.",
                only.message());
    }

    @Test
    void theSameMemberIsNeverWarnedAboutTheirOwnContacts() {
        Activity annasEarlier = activity("a1", ActivityType.CALL, ActivityStatus.DONE, CALL.minus(Duration.ofDays(1)),
                List.of("lee"), List.of("anna"));
        Activity annaAndKarl = activity("a2", ActivityType.MEETING, ActivityStatus.PLANNED,
                CALL.plus(Duration.ofDays(2)), List.of("lee"), List.of("anna", "karl"));
        assertTrue(warnings(annasEarlier, annaAndKarl).isEmpty(), "who took part in both already knows");
    }

    @Test
    void theWindowIncludesSevenDaysAndExcludesEight() {
        Activity sevenBefore = activity("k7", ActivityType.CALL, ActivityStatus.DONE, CALL.minus(WEEK),
                List.of("lee"), List.of("karl"));
        Activity eightBefore = activity("k8", ActivityType.CALL, ActivityStatus.DONE,
                CALL.minus(Duration.ofDays(8)), List.of("lee"), List.of("karl"));
        Activity sevenAfter = activity("f7", ActivityType.CALL, ActivityStatus.PLANNED, CALL.plus(WEEK),
                List.of("lee"), List.of("fred"));
        Activity justOverSevenAfter = activity("f8", ActivityType.CALL, ActivityStatus.PLANNED,
                CALL.plus(WEEK).plusSeconds(1), List.of("lee"), List.of("fred"));
        assertEquals(List.of("k7", "f7"),
                warnings(eightBefore, justOverSevenAfter, sevenAfter, sevenBefore).stream()
                        .map(CoordinationWarning::activityId).toList());
    }

    @Test
    void plannedAndDoneActivitiesBothCount() {
        Activity planned = activity("p", ActivityType.EMAIL, ActivityStatus.PLANNED, CALL.plus(Duration.ofDays(2)),
                List.of("lee"), List.of("fred"));
        Activity done = activity("d", ActivityType.MEETING, ActivityStatus.DONE, CALL.minus(Duration.ofDays(2)),
                List.of("lee"), List.of("karl"));
        List<CoordinationWarning> w = warnings(planned, done);
        assertEquals(List.of("d", "p"), w.stream().map(CoordinationWarning::activityId).toList());
        assertEquals("Ann Lee: fred.service plans an e-mail with them on 2027-03-12; coordinate first.",
                w.get(1).message());
    }

    @Test
    void otherPeopleAtTheCustomerCallForNoWarning() {
        Activity withRoe = activity("k", ActivityType.CALL, ActivityStatus.DONE, CALL, List.of("roe"),
                List.of("karl"));
        assertTrue(warnings(withRoe).isEmpty());
    }

    @Test
    void everyOtherParticipantIsNamed() {
        Activity together = activity("t", ActivityType.VISIT, ActivityStatus.PLANNED, CALL.plus(Duration.ofDays(1)),
                List.of("lee"), List.of("fred", "karl"));
        assertEquals(List.of("fred", "karl"), warnings(together).stream().map(CoordinationWarning::memberId).toList());
    }

    @Test
    void theActivityItselfIsNoOtherActivity() {
        assertTrue(warnings(activity("mine", ActivityType.CALL, ActivityStatus.DONE, CALL, List.of("lee"),
                List.of("karl"))).isEmpty());
    }
}
