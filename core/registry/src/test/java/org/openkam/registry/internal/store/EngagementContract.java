package org.openkam.registry.internal.store;

import org.openkam.registry.internal.pipeline.PipelineStages;

import org.openkam.registry.internal.pipeline.OpportunityService;

import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OurPosition;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.openkam.api.Role;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.TeamFunction;
import org.openkam.api.account.TeamMemberDraft;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.engagement.Activity;
import org.openkam.api.engagement.ActivityDraft;
import org.openkam.api.engagement.ActivityQuery;
import org.openkam.api.engagement.ActivityRecorded;
import org.openkam.api.engagement.ActivityStatus;
import org.openkam.api.engagement.ActivityType;
import org.openkam.api.engagement.BuyingCenter;
import org.openkam.api.engagement.ContactRef;
import org.openkam.api.engagement.CoordinationWarning;
import org.openkam.api.engagement.EngagementEvents;
import org.openkam.api.engagement.FollowUp;
import org.openkam.api.engagement.FollowUpDraft;
import org.openkam.api.engagement.FollowUpItem;
import org.openkam.api.engagement.FollowUpQuery;
import org.openkam.api.engagement.FollowUpStatus;
import org.openkam.api.engagement.OrgChartNode;
import org.openkam.api.event.AccountEvents;
import org.openkam.registry.internal.engagement.ActivityService;
import org.openkam.registry.internal.engagement.BuyingCenterService;
import org.openkam.registry.internal.engagement.EngagementConfig;
import org.openkam.registry.internal.engagement.FollowUpService;

/**
 * The buying center, activities and follow-ups on each supported database: subclasses supply the database.
 */
abstract class EngagementContract {

    StoreFixture f;
    ActivityService activities;
    BuyingCenterService buyingCenters;
    FollowUpService followUps;
    Caller kam2A;
    LocalDate today;
    Instant now;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        activities = new ActivityService(f.database, f.eventAdmin, config(90, 7));
        buyingCenters = new BuyingCenterService(f.database, config(90, 7));
        followUps = new FollowUpService(f.database, f.eventAdmin);
        kam2A = StoreFixture.caller(f.user("kam2-" + f.unitA, Map.of(f.unitA, Set.of(Role.KEY_ACCOUNT_MANAGER))));
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    static EngagementConfig config(int freshnessDays, int coordinationDays) {
        return new EngagementConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EngagementConfig.class;
            }

            @Override
            public int freshness_days() {
                return freshnessDays;
            }

            @Override
            public int coordination_days() {
                return coordinationDays;
            }
        };
    }

    Account account(Caller caller, String unit, String name) {
        return f.accounts.create(caller, new AccountDraft(unit, name, null, null, "DE", null, null, null, null, null,
                null, null, null, null));
    }

    Contact contact(String accountId, String first, String last, String reportsTo, BuyingCenterRole... roles) {
        return f.contacts.create(f.kamA, accountId, new ContactDraft(first, last, null, null, null, Set.of(roles),
                null, null, reportsTo, null, null));
    }

    static ContactDraft reportingTo(Contact c, String reportsTo) {
        ContactDraft d = c.toDraft();
        return new ContactDraft(d.firstName(), d.lastName(), d.jobTitle(), d.email(), d.phone(), d.roles(),
                d.attitude(), d.influence(), reportsTo, d.relationshipOwner(), d.relationshipStrength());
    }

    static ActivityDraft done(ActivityType type, Instant at, List<String> contacts) {
        return new ActivityDraft(type, ActivityStatus.DONE, type + " about the frame contract", null, at, contacts,
                List.of());
    }

    static Set<String> fields(ValidationException e) {
        return Set.copyOf(e.violations().stream().map(Violation::field).toList());
    }

    // ---- buying center ----

    @Test
    void buyingCenterFieldsRoundTrip() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        f.teams.add(f.kamA, a.id(), new TeamMemberDraft(f.kamA.userId(), TeamFunction.KEY_ACCOUNT_MANAGER, true));
        Contact ceo = contact(a.id(), "Carla", "Chef", null, BuyingCenterRole.ECONOMIC_BUYER);
        Contact cfo = f.contacts.create(f.kamA, a.id(), new ContactDraft("Frank", "Geld", "CFO", null, null,
                Set.of(BuyingCenterRole.DECISION_MAKER, BuyingCenterRole.COACH), Attitude.SUPPORTER, 5, ceo.id(),
                f.kamA.userId(), 4));
        Contact read = f.contacts.get(f.viewerA, a.id(), cfo.id());
        assertEquals(cfo, read);
        assertEquals(List.of(BuyingCenterRole.DECISION_MAKER, BuyingCenterRole.COACH), List.copyOf(read.roles()));
        assertEquals(Attitude.SUPPORTER, read.attitude());
        assertEquals(5, read.influence());
        assertEquals(ceo.id(), read.reportsTo());
        assertEquals(f.kamA.userId(), read.relationshipOwner());
        assertEquals(4, read.relationshipStrength());
        assertEquals(List.of(ceo, cfo), f.contacts.list(f.viewerA, a.id()));

        Contact cleared = f.contacts.update(f.kamA, a.id(), cfo.id(), 1, new ContactDraft("Frank", "Geld", "CFO", null,
                null, Set.of(), null, null, null, null, null));
        assertEquals(cleared, f.contacts.get(f.kamA, a.id(), cfo.id()));
        assertEquals(Set.of(), cleared.roles());
        assertNull(cleared.influence());
        AuditEntry update = f.audit.forAccount(f.kamA, a.id(), 1, null).items().get(0);
        assertEquals("contact", update.entityType());
        assertEquals(Set.of("roles", "attitude", "influence", "reportsTo", "relationshipOwner", "relationshipStrength"),
                Set.copyOf(update.changes().stream().map(c -> c.field()).toList()));
        assertEquals("decision-maker,coach", update.changes().stream().filter(c -> c.field().equals("roles"))
                .findFirst().orElseThrow().before());
    }

    @Test
    void aReportingCycleIsRefusedNamingItAndNothingIsStored() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ceo = contact(a.id(), "Carla", "Chef", null);
        Contact cfo = contact(a.id(), "Frank", "Geld", ceo.id());
        Contact buyer = contact(a.id(), "Bea", "Kauf", cfo.id());
        int events = f.events(AccountEvents.CONTACT_CHANGED).size();

        ValidationException cycle = assertThrows(ValidationException.class,
                () -> f.contacts.update(f.kamA, a.id(), ceo.id(), 1, reportingTo(ceo, buyer.id())));
        assertEquals(Set.of("reportsTo"), fields(cycle));
        assertEquals("would close a reporting cycle: Carla Chef -> Bea Kauf -> Frank Geld -> Carla Chef",
                cycle.violations().get(0).message());
        ValidationException self = assertThrows(ValidationException.class,
                () -> f.contacts.update(f.kamA, a.id(), cfo.id(), 1, reportingTo(cfo, cfo.id())));
        assertEquals(Set.of("reportsTo"), fields(self));

        assertEquals(ceo, f.contacts.get(f.kamA, a.id(), ceo.id()));
        assertEquals(cfo, f.contacts.get(f.kamA, a.id(), cfo.id()));
        assertEquals(events, f.events(AccountEvents.CONTACT_CHANGED).size());
        // moving up the chart is fine
        assertEquals(ceo.id(), f.contacts.update(f.kamA, a.id(), buyer.id(), 1, reportingTo(buyer, ceo.id()))
                .reportsTo());
    }

    @Test
    void reportsToAnotherAccountsContactIsRefused() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Account other = account(f.kamA, f.unitA, "Suedwerk");
        Contact elsewhere = contact(other.id(), "Otto", "Anders", null);
        ValidationException e = assertThrows(ValidationException.class, () -> contact(a.id(), "Ann", "Lee",
                elsewhere.id()));
        assertEquals(Set.of("reportsTo"), fields(e));
        ValidationException unknown = assertThrows(ValidationException.class, () -> contact(a.id(), "Ann", "Lee",
                "no-such-contact"));
        assertEquals(Set.of("reportsTo"), fields(unknown));
        assertEquals(List.of(), f.contacts.list(f.kamA, a.id()));
    }

    @Test
    void theRelationshipOwnerMustBeOnTheAccountTeamWhenAssigned() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        ContactDraft ownedByKam2 = new ContactDraft("Ann", "Lee", null, null, null, Set.of(), null, 4, null,
                kam2A.userId(), 3);
        ValidationException e = assertThrows(ValidationException.class, () -> f.contacts.create(f.kamA, a.id(),
                ownedByKam2));
        assertEquals(Set.of("relationshipOwner"), fields(e));
        assertEquals(List.of(), f.contacts.list(f.kamA, a.id()));

        var member = f.teams.add(f.kamA, a.id(), new TeamMemberDraft(kam2A.userId(), TeamFunction.SALES, false));
        Contact ann = f.contacts.create(f.kamA, a.id(), ownedByKam2);
        f.teams.remove(f.kamA, a.id(), member.id(), member.version());
        // an owner who left the team does not block unrelated edits, but the coverage shows the gap
        Contact renamed = f.contacts.update(f.kamA, a.id(), ann.id(), 1, new ContactDraft("Anne", "Lee", null, null,
                null, Set.of(), null, 4, null, kam2A.userId(), 3));
        assertEquals(kam2A.userId(), renamed.relationshipOwner());
        assertEquals(List.of(ann.id()), buyingCenters.buyingCenter(f.kamA, a.id(), today).coverage()
                .keyContactsWithoutOwner().stream().map(ContactRef::contactId).toList());
    }

    @Test
    void deletingAManagerDetachesTheirReportsAudited() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ceo = contact(a.id(), "Carla", "Chef", null);
        Contact cfo = contact(a.id(), "Frank", "Geld", ceo.id());
        f.events.clear();
        f.contacts.delete(f.kamA, a.id(), ceo.id(), 1);
        Contact detached = f.contacts.get(f.kamA, a.id(), cfo.id());
        assertNull(detached.reportsTo());
        assertEquals(2, detached.version());
        List<AuditEntry> trail = f.audit.forAccount(f.kamA, a.id(), 2, null).items();
        assertEquals(List.of("deleted", "updated"), trail.stream().map(AuditEntry::action).toList());
        assertEquals(cfo.id(), trail.get(1).entityId());
        assertEquals(2, f.events(AccountEvents.CONTACT_CHANGED).size());
    }

    @Test
    void theBuyingCenterIsATreeWithItsCoverage() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        f.teams.add(f.kamA, a.id(), new TeamMemberDraft(f.kamA.userId(), TeamFunction.KEY_ACCOUNT_MANAGER, true));
        Contact ceo = f.contacts.create(f.kamA, a.id(), new ContactDraft("Carla", "Chef", "CEO", null, null,
                Set.of(BuyingCenterRole.ECONOMIC_BUYER), Attitude.NEUTRAL, 5, null, f.kamA.userId(), 2));
        Contact cfo = contact(a.id(), "Frank", "Geld", ceo.id(), BuyingCenterRole.DECISION_MAKER);
        Contact cto = contact(a.id(), "Tom", "Technik", ceo.id(), BuyingCenterRole.TECHNICAL_BUYER,
                BuyingCenterRole.USER);
        activities.create(f.kamA, a.id(), done(ActivityType.MEETING, now.minus(Duration.ofDays(10)),
                List.of(ceo.id(), cto.id())));

        BuyingCenter bc = buyingCenters.buyingCenter(f.viewerA, a.id(), today);
        assertEquals(1, bc.roots().size());
        OrgChartNode root = bc.roots().get(0);
        assertEquals(ceo.id(), root.contactId());
        assertEquals("Carla Chef", root.name());
        assertEquals(List.of(cfo.id(), cto.id()), root.directReports().stream().map(OrgChartNode::contactId).toList());
        assertEquals(now.minus(Duration.ofDays(10)), root.lastContactAt());
        assertFalse(root.stale());
        assertFalse(root.directReports().get(0).stale(), "never met, but recorded today: nobody could meet them yet");
        assertEquals(List.of(BuyingCenterRole.INFLUENCER, BuyingCenterRole.GATEKEEPER, BuyingCenterRole.COACH),
                bc.coverage().unfilledRoles());
        assertEquals(List.of(cfo.id()), bc.coverage().keyContactsWithoutOwner().stream().map(ContactRef::contactId)
                .toList());
        assertEquals(List.of(), bc.coverage().staleContacts());
        // 91 days on, Frank counts as never met since he was recorded, and the others' meeting is 101 days old
        BuyingCenter later = buyingCenters.buyingCenter(f.viewerA, a.id(), today.plusDays(91));
        assertEquals(List.of(ceo.id(), cfo.id(), cto.id()), later.coverage().staleContacts().stream()
                .map(ContactRef::contactId).toList());
        assertNull(later.coverage().staleContacts().get(1).lastContactAt());
        assertThrows(NotFoundException.class, () -> buyingCenters.buyingCenter(f.kamB, a.id(), today));
    }

    @Test
    void deletingTheAccountTakesItsBuyingCenterActivitiesAndFollowUps() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ceo = contact(a.id(), "Carla", "Chef", null);
        Contact cfo = contact(a.id(), "Frank", "Geld", ceo.id());
        contact(a.id(), "Bea", "Kauf", cfo.id());
        activities.create(f.kamA, a.id(), done(ActivityType.CALL, now, List.of(ceo.id(), cfo.id())));
        followUp(f.kamA, a.id(), "Send the offer", today, null);
        f.accounts.delete(f.kamA, a.id(), 1);
        assertThrows(NotFoundException.class, () -> buyingCenters.buyingCenter(f.kamA, a.id(), today));
        assertEquals(List.of(), followUps.due(f.kamA, new FollowUpQuery(null, false, null, null, today, 50, null))
                .items());
    }

    // ---- activities ----

    @Test
    void doneActivitiesMakeContactsFreshPlannedOnesDoNot() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ann = contact(a.id(), "Ann", "Lee", null);
        Contact bob = contact(a.id(), "Bob", "Roe", null);
        activities.create(f.kamA, a.id(), done(ActivityType.CALL, now.minus(Duration.ofDays(120)), List.of(ann.id(),
                bob.id())));
        activities.create(f.kamA, a.id(), new ActivityDraft(ActivityType.VISIT, ActivityStatus.PLANNED, "Plant tour",
                null, now.plus(Duration.ofDays(3)), List.of(ann.id()), List.of()));
        assertEquals(List.of(ann.id(), bob.id()), staleIds(a));

        Activity recent = activities.create(f.kamA, a.id(), done(ActivityType.EMAIL, now.minus(Duration.ofDays(2)),
                List.of(ann.id()))).activity();
        assertEquals(List.of(bob.id()), staleIds(a));
        OrgChartNode annNode = buyingCenters.buyingCenter(f.kamA, a.id(), today).roots().get(0);
        assertEquals(now.minus(Duration.ofDays(2)), annNode.lastContactAt());
        assertEquals(recent, activities.lastActivity(f.viewerA, a.id()).orElseThrow());
        Account quiet = account(f.kamA, f.unitA, "Südwerk");
        Account theirs = account(f.kamB, f.unitB, "Theirs");
        Contact eve = f.contacts.create(f.kamB, theirs.id(), new ContactDraft("Eve", "Poe", null, null, null, Set.of(),
                null, null, null, null, null));
        activities.create(f.kamB, theirs.id(), done(ActivityType.CALL, now.minus(Duration.ofDays(1)),
                List.of(eve.id())));
        assertEquals(Map.of(a.id(), recent), activities.lastActivities(f.viewerA, List.of(a.id(), quiet.id(),
                theirs.id(), "gone")), "with its contacts; accounts without one, or not readable, left out");
        assertEquals(Set.of(a.id(), theirs.id()), activities.lastActivities(f.admin, List.of(a.id(), "gone",
                theirs.id(), quiet.id())).keySet());

        // Deleting the fresh activity makes Ann stale again: freshness is derived, never stored.
        activities.delete(f.kamA, a.id(), recent.id(), 1);
        assertEquals(List.of(ann.id(), bob.id()), staleIds(a));
        assertEquals(now.minus(Duration.ofDays(120)), activities.lastActivity(f.kamA, a.id()).orElseThrow()
                .occurredAt());
    }

    private List<String> staleIds(Account a) {
        return buyingCenters.buyingCenter(f.kamA, a.id(), today).coverage().staleContacts().stream()
                .map(ContactRef::contactId).toList();
    }

    @Test
    void anotherMembersContactWithinSevenDaysIsAWarningNamingThem() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ann = contact(a.id(), "Ann", "Lee", null);
        Activity kamsCall = activities.create(f.kamA, a.id(), done(ActivityType.CALL, now.minus(Duration.ofDays(3)),
                List.of(ann.id()))).activity();
        assertEquals(List.of(f.kamA.userId()), kamsCall.participants());
        assertEquals(f.kamA.userId(), kamsCall.createdBy());

        ActivityRecorded visit = activities.create(kam2A, a.id(), new ActivityDraft(ActivityType.VISIT,
                ActivityStatus.PLANNED, "Quarterly review", null, now.plus(Duration.ofDays(2)), List.of(ann.id()),
                List.of()));
        assertEquals(1, visit.coordinationWarnings().size());
        CoordinationWarning w = visit.coordinationWarnings().get(0);
        assertEquals(f.kamA.userId(), w.memberId());
        assertEquals(f.kamA.username(), w.memberUsername());
        assertEquals(f.kamA.username().toUpperCase(), w.memberDisplayName());
        assertEquals(ann.id(), w.contactId());
        assertEquals("Ann Lee", w.contactName());
        assertEquals(kamsCall.id(), w.activityId());
        assertEquals(ActivityType.CALL, w.activityType());
        assertEquals(ActivityStatus.DONE, w.activityStatus());
        assertTrue(w.message().contains(f.kamA.username()), w.message());
        assertNotNull(activities.get(f.kamA, a.id(), visit.activity().id()), "a warning does not block");

        // The same member is never warned about their own contacts.
        assertEquals(List.of(), activities.create(f.kamA, a.id(), done(ActivityType.EMAIL, now.minus(Duration.ofDays(1)),
                List.of(ann.id()))).coordinationWarnings().stream().filter(x -> x.memberId().equals(f.kamA.userId()))
                .toList());
        // Eight days after the call and six after the planned visit: only the visit is near enough.
        ActivityRecorded later = activities.update(kam2A, a.id(), visit.activity().id(), 1, new ActivityDraft(
                ActivityType.VISIT, ActivityStatus.PLANNED, "Quarterly review", null, now.plus(Duration.ofDays(5)),
                List.of(ann.id()), List.of()));
        assertEquals(List.of(), later.coordinationWarnings().stream()
                .filter(x -> x.activityId().equals(kamsCall.id())).toList());
    }

    @Test
    void theCoordinationCheckWarnsBeforeSavingAndStoresNothing() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ann = contact(a.id(), "Ann", "Lee", null);
        Activity kamsCall = activities.create(f.kamA, a.id(), done(ActivityType.CALL, now.minus(Duration.ofDays(3)),
                List.of(ann.id()))).activity();
        ActivityDraft visit = new ActivityDraft(ActivityType.VISIT, ActivityStatus.PLANNED, "Quarterly review", null,
                now.plus(Duration.ofDays(2)), List.of(ann.id()), List.of());
        int events = f.events(EngagementEvents.ACTIVITY_CHANGED).size();

        List<CoordinationWarning> before = activities.coordination(kam2A, a.id(), null, visit);
        assertEquals(List.of(kamsCall.id()), before.stream().map(CoordinationWarning::activityId).toList());
        assertEquals(activities.create(kam2A, a.id(), visit).coordinationWarnings().stream()
                .map(CoordinationWarning::message).toList(), before.stream().map(CoordinationWarning::message).toList(),
                "the check foretells the save's answer");
        assertEquals(events + 1, f.events(EngagementEvents.ACTIVITY_CHANGED).size(), "only the save was posted");
        assertEquals(2, activities.list(f.kamA, a.id(), ActivityQuery.newest()).items().size());

        // checking a change of the call leaves the call itself out
        assertEquals(List.of(), activities.coordination(f.kamA, a.id(), kamsCall.id(), kamsCall.toDraft()).stream()
                .filter(w -> w.activityId().equals(kamsCall.id())).toList());
        ValidationException bad = assertThrows(ValidationException.class, () -> activities.coordination(kam2A,
                a.id(), null, new ActivityDraft(ActivityType.CALL, ActivityStatus.DONE, " ", null, now, List.of(),
                        List.of())));
        assertEquals(Set.of("subject", "contactIds"), fields(bad));
        assertThrows(AccessDeniedException.class, () -> activities.coordination(f.viewerA, a.id(), null, visit));
        assertThrows(NotFoundException.class, () -> activities.coordination(f.kamB, a.id(), null, visit));
        assertThrows(NotFoundException.class, () -> activities.coordination(kam2A, a.id(), "no-such-activity", visit));
    }

    @Test
    void badActivitiesNameEveryFieldAndStoreNothing() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Account other = account(f.kamA, f.unitA, "Suedwerk");
        Contact elsewhere = contact(other.id(), "Otto", "Anders", null);
        String outsider = f.kamB.userId();
        ValidationException e = assertThrows(ValidationException.class, () -> activities.create(f.kamA, a.id(),
                new ActivityDraft(ActivityType.CALL, ActivityStatus.DONE, "Call", null, now.plus(Duration.ofDays(1)),
                        List.of(elsewhere.id()), List.of(outsider))));
        assertEquals(Set.of("contactIds", "participants", "occurredAt"), fields(e));
        assertEquals(List.of(), activities.list(f.kamA, a.id(), ActivityQuery.newest()).items());
        assertTrue(f.events(EngagementEvents.ACTIVITY_CHANGED).isEmpty());
        assertThrows(AccessDeniedException.class, () -> activities.create(f.viewerA, a.id(), done(ActivityType.CALL,
                now, List.of(elsewhere.id()))));
        assertThrows(NotFoundException.class, () -> activities.list(f.kamB, a.id(), ActivityQuery.newest()));
    }

    @Test
    void activitiesListNewestFirstFilterByContactAndPage() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ann = contact(a.id(), "Ann", "Lee", null);
        Contact bob = contact(a.id(), "Bob", "Roe", null);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two on the same instant: ties break on id without skipping or repeating
            Instant at = now.minus(Duration.ofDays(i / 2));
            expected.add(activities.create(f.kamA, a.id(), done(ActivityType.CALL, at,
                    List.of(i % 2 == 0 ? ann.id() : bob.id()))).activity().id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<Activity> page = activities.list(f.viewerA, a.id(), new ActivityQuery(null, null, null, 3, cursor));
            page.items().forEach(x -> seen.add(x.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        List<Activity> all = activities.list(f.viewerA, a.id(), new ActivityQuery(null, null, null, 50, null)).items();
        assertEquals(all.stream().map(Activity::id).toList(), seen);
        assertEquals(Set.copyOf(expected), Set.copyOf(seen));
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).occurredAt().isAfter(all.get(i - 1).occurredAt()), "newest first");
        }
        assertEquals(4, activities.list(f.kamA, a.id(), new ActivityQuery(ann.id(), null, null, 50, null)).items()
                .size());
        assertEquals(0, activities.list(f.kamA, a.id(), new ActivityQuery(null, ActivityType.VISIT, null, 50, null))
                .items().size());
        assertThrows(ValidationException.class, () -> activities.list(f.kamA, a.id(),
                new ActivityQuery(null, null, null, 3, "garbage!")));
    }

    @Test
    void activitiesChangeWithTheirVersionAuditedAndPosted() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Contact ann = contact(a.id(), "Ann", "Lee", null);
        Activity call = activities.create(f.kamA, a.id(), done(ActivityType.CALL, now, List.of(ann.id()))).activity();
        assertEquals(call, activities.get(f.viewerA, a.id(), call.id()));
        ActivityDraft changed = new ActivityDraft(ActivityType.MEETING, ActivityStatus.DONE, "Frame contract",
                "Agreed on terms", now, List.of(ann.id()), List.of(f.kamA.userId(), kam2A.userId()));
        Activity meeting = activities.update(f.kamA, a.id(), call.id(), 1, changed).activity();
        assertEquals(2, meeting.version());
        assertEquals(List.of(f.kamA.userId(), kam2A.userId()).stream().sorted().toList(), meeting.participants());
        assertEquals(meeting, activities.get(f.kamA, a.id(), call.id()));
        assertThrows(StaleVersionException.class, () -> activities.update(f.kamA, a.id(), call.id(), 1, changed));
        assertThrows(StaleVersionException.class, () -> activities.delete(f.kamA, a.id(), call.id(), 1));
        activities.delete(f.kamA, a.id(), call.id(), 2);
        assertThrows(NotFoundException.class, () -> activities.get(f.kamA, a.id(), call.id()));
        List<AuditEntry> trail = f.audit.forAccount(f.kamA, a.id(), 3, null).items();
        assertEquals(List.of("deleted", "updated", "created"), trail.stream().map(AuditEntry::action).toList());
        assertEquals(Set.of("activity"), Set.copyOf(trail.stream().map(AuditEntry::entityType).toList()));
        assertEquals(3, f.events(EngagementEvents.ACTIVITY_CHANGED).size());
        // the contact's deletion leaves the activity, without the contact
        Activity other = activities.create(f.kamA, a.id(), done(ActivityType.CALL, now, List.of(ann.id()))).activity();
        f.contacts.delete(f.kamA, a.id(), ann.id(), 1);
        assertEquals(List.of(), activities.get(f.kamA, a.id(), other.id()).contactIds());
    }

    // ---- follow-ups ----

    FollowUp followUp(Caller caller, String accountId, String title, LocalDate due, String owner) {
        return followUps.create(caller, accountId, new FollowUpDraft(null, null, title, null, owner, due, null));
    }

    @Test
    void theFollowUpListSpansTheCallersAccountsInOrderOfUrgency() {
        Account north = account(f.kamA, f.unitA, "Nordwerk");
        Account south = account(f.kamA, f.unitA, "Suedwerk");
        Account beta = account(f.kamB, f.unitB, "Beta Corp");
        String me = f.kamA.userId();
        FollowUp north9 = followUp(f.kamA, north.id(), "Send the offer", today.minusDays(9), null);
        FollowUp south2 = followUp(f.kamA, south.id(), "Call back the buyer", today.minusDays(2), null);
        FollowUp northToday = followUp(f.kamA, north.id(), "Confirm the visit", today, me);
        FollowUp southNext = followUp(f.kamA, south.id(), "Prepare the review", today.plusDays(5), me);
        FollowUp colleagues = followUp(f.kamA, north.id(), "Colleague's task", today.minusDays(20), kam2A.userId());
        FollowUp closed = followUp(f.kamA, south.id(), "Old task", today.minusDays(30), me);
        followUps.update(f.kamA, south.id(), closed.id(), 1, new FollowUpDraft(null, null, "Old task", null, me,
                closed.dueDate(), FollowUpStatus.DONE));
        followUp(f.kamB, beta.id(), "Other unit's task", today.minusDays(40), null);

        List<FollowUpItem> overdue = followUps.due(f.kamA, new FollowUpQuery(me, true, null, null, today, 50, null))
                .items();
        assertEquals(List.of(north9.id(), south2.id()), overdue.stream().map(i -> i.followUp().id()).toList());
        assertEquals("Nordwerk", overdue.get(0).accountName());
        assertEquals(f.unitA, overdue.get(0).businessUnit());
        assertEquals(9, overdue.get(0).daysOverdue());
        assertEquals(2, overdue.get(1).daysOverdue());

        List<FollowUpItem> upcoming = followUps.due(f.kamA, new FollowUpQuery(me, false, null, null, today, 50, null,
                true)).items();
        assertEquals(List.of(northToday.id(), southNext.id()), upcoming.stream().map(i -> i.followUp().id()).toList(),
                "open ones due today or later, soonest first");

        List<FollowUpItem> mine = followUps.due(f.kamA, new FollowUpQuery(me, false, null, null, today, 50, null))
                .items();
        assertEquals(List.of(north9.id(), south2.id(), northToday.id(), southNext.id(), closed.id()),
                mine.stream().map(i -> i.followUp().id()).toList());
        List<FollowUp> sorted = new ArrayList<>(mine.stream().map(FollowUpItem::followUp).toList());
        sorted.sort(FollowUp.URGENCY);
        assertEquals(sorted, mine.stream().map(FollowUpItem::followUp).toList(), "SQL order is FollowUp.URGENCY");

        // everyone's open ones of unit A, paged one by one
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<FollowUpItem> page = followUps.due(f.viewerA, new FollowUpQuery(null, false, FollowUpStatus.OPEN, null,
                    today, 1, cursor));
            page.items().forEach(i -> paged.add(i.followUp().id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(List.of(colleagues.id(), north9.id(), south2.id(), northToday.id(), southNext.id()), paged);

        assertEquals(List.of(), followUps.due(f.kamA, new FollowUpQuery(null, false, null, f.unitB, today, 50, null))
                .items());
        assertEquals(1, followUps.due(f.kamB, new FollowUpQuery(null, true, null, null, today, 50, null)).items().size());
        assertEquals(List.of(colleagues.id(), north9.id()), followUps.overdue(f.viewerA, north.id(), today).stream()
                .map(i -> i.followUp().id()).toList());
        assertThrows(NotFoundException.class, () -> followUps.overdue(f.kamB, north.id(), today));
    }

    @Test
    void followUpsAreOwnedDoneReopenedAndDeletedWithTheirVersion() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        String opp = opportunity(a.id());
        FollowUp created = followUps.create(f.kamA, a.id(), new FollowUpDraft(opp, null, " Send the offer ",
                null, null, today.plusDays(3), null));
        assertEquals(f.kamA.userId(), created.owner());
        assertEquals(FollowUpStatus.OPEN, created.status());
        assertEquals("Send the offer", created.title());
        assertNull(created.completedAt());
        assertEquals(created, followUps.get(f.viewerA, a.id(), created.id()));

        FollowUp done = followUps.update(f.kamA, a.id(), created.id(), 1, new FollowUpDraft(opp, null,
                "Send the offer", null, kam2A.userId(), today.plusDays(3), FollowUpStatus.DONE));
        assertNotNull(done.completedAt());
        assertEquals(kam2A.userId(), done.owner());
        FollowUp stillDone = followUps.update(f.kamA, a.id(), created.id(), 2, done.toDraft());
        assertEquals(done.completedAt(), stillDone.completedAt(), "stays completed when it was");
        FollowUp reopened = followUps.update(f.kamA, a.id(), created.id(), 3, new FollowUpDraft(opp, null,
                "Send the offer", null, kam2A.userId(), today.plusDays(3), FollowUpStatus.OPEN));
        assertNull(reopened.completedAt());
        assertEquals(reopened, followUps.get(f.kamA, a.id(), created.id()));

        ValidationException e = assertThrows(ValidationException.class, () -> followUps.create(f.kamA, a.id(),
                new FollowUpDraft("x".repeat(37), null, " ", null, f.kamB.userId(), null, null)));
        assertEquals(Set.of("opportunityId", "title", "dueDate", "owner"), fields(e));
        assertEquals(List.of(reopened), followUps.list(f.kamA, a.id()));
        assertThrows(StaleVersionException.class, () -> followUps.delete(f.kamA, a.id(), created.id(), 1));
        assertThrows(AccessDeniedException.class, () -> followUps.delete(f.viewerA, a.id(), created.id(), 4));
        followUps.delete(f.kamA, a.id(), created.id(), 4);
        assertEquals(List.of(), followUps.list(f.kamA, a.id()));
        List<AuditEntry> trail = f.audit.forAccount(f.kamA, a.id(), 2, null).items();
        assertEquals(List.of("follow-up", "follow-up"), trail.stream().map(AuditEntry::entityType).toList());
        assertEquals(5, f.events(EngagementEvents.FOLLOW_UP_CHANGED).size());
    }

    private String opportunity(String accountId) {
        return new OpportunityService(f.database, f.eventAdmin, new PipelineStages("qualify:10", "develop:25"))
                .create(f.kamA, accountId, new OpportunityDraft("Line 3", null, new BigDecimal("1000"), "EUR", "qualify",
                        null, today.plusDays(90), "Site visit", today.plusDays(7), OurPosition.TOP_SUPPLIER, List.of(), null)).id();
    }

    @Test
    void followUpsReferOnlyToTheirAccountsOpportunitiesAndPlanActions() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        Account other = account(f.kamA, f.unitA, "Südwerk");
        Account foreign = account(f.kamB, f.unitB, "Fremdwerk");
        String ownOpportunity = opportunity(a.id());
        String otherOpportunity = opportunity(other.id());
        String foreignOpportunity = new OpportunityService(f.database, f.eventAdmin, new PipelineStages("qualify:10"))
                .create(f.kamB, foreign.id(), new OpportunityDraft("Theirs", null, new BigDecimal("5"), "EUR", "qualify",
                        null, today.plusDays(90), "Site visit", today.plusDays(7), OurPosition.TOP_SUPPLIER, List.of(), null)).id();
        for (String bad : List.of(otherOpportunity, foreignOpportunity, "any string")) {
            ValidationException e = assertThrows(ValidationException.class, () -> followUps.create(f.kamA, a.id(),
                    new FollowUpDraft(bad, null, "Call", null, null, today.plusDays(1), null)), bad);
            assertEquals(Set.of("opportunityId"), fields(e));
            ValidationException action = assertThrows(ValidationException.class, () -> followUps.create(f.kamA,
                    a.id(), new FollowUpDraft(null, bad, "Call", null, null, today.plusDays(1), null)), bad);
            assertEquals(Set.of("planActionId"), fields(action));
        }
        assertEquals(List.of(), followUps.list(f.kamA, a.id()), "nothing is stored");
        FollowUp ok = followUps.create(f.kamA, a.id(), new FollowUpDraft(ownOpportunity, null, "Call", null, null,
                today.plusDays(1), null));
        assertEquals(ownOpportunity, ok.opportunityId());
        assertEquals(Set.of("owner"), fields(assertThrows(ValidationException.class, () -> followUps.create(f.kamA,
                a.id(), new FollowUpDraft(null, null, "Call", null, f.kamB.userId(), today.plusDays(1), null)))));
    }

    @Test
    void teamMembersAndRelationshipOwnersHoldARoleInTheAccountsUnit() {
        Account a = account(f.kamA, f.unitA, "Nordwerk");
        ValidationException e = assertThrows(ValidationException.class, () -> f.teams.add(f.kamA, a.id(),
                new TeamMemberDraft(f.kamB.userId(), TeamFunction.SALES, false)));
        assertEquals(Set.of("userId"), fields(e));
        assertEquals(List.of(), f.teams.list(f.viewerA, a.id()), "nothing is stored");
        f.teams.add(f.kamA, a.id(), new TeamMemberDraft(kam2A.userId(), TeamFunction.SALES, false));
    }
}
