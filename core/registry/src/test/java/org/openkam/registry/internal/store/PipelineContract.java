package org.openkam.registry.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.audit.AuditEntry;
import org.openkam.api.audit.FieldChange;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.pipeline.Competitor;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityClosing;
import org.openkam.api.pipeline.OpportunityDraft;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.OurPosition;
import org.openkam.api.pipeline.PipelineEvents;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.pipeline.PipelineSummary;
import org.openkam.api.pipeline.StagePipeline;
import org.openkam.registry.internal.pipeline.OpportunityService;
import org.openkam.registry.internal.pipeline.PipelineStages;
import org.osgi.service.event.Event;

/** What the opportunity store must do, on every database OpenKAM supports. */
abstract class PipelineContract {

    StoreFixture f;
    OpportunityService opportunities;
    String account;

    abstract DataSource dataSource();

    @BeforeEach
    void fixture() {
        f = new StoreFixture(dataSource());
        opportunities = new OpportunityService(f.database, f.eventAdmin,
                new PipelineStages("qualify:10", "develop:25", "propose:50", "negotiate:75", "commit:90"));
        account = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Nordwerk", null, null, "DE", null,
                AccountStatus.ACTIVE, KeyAccountTier.KEY, f.kamA.userId(), null, null, null, null, Map.of())).id();
        f.events.clear();
    }

    static OpportunityDraft draft(String name, String value, String currency, String stage, Integer probability) {
        return new OpportunityDraft(name, "Retrofit of line 3", new BigDecimal(value), currency, stage, probability,
                LocalDate.of(2026, 9, 30), "Site visit with the plant manager", LocalDate.of(2026, 4, 2),
                OurPosition.TOP_SUPPLIER, List.of(new Competitor("Konkurrent AG", "price", "slow service",
                        OurPosition.INCUMBENT), new Competitor("Other Corp", null, null, null)), null);
    }

    static OpportunityDraft with(OpportunityDraft d, String stage, Integer probability) {
        return new OpportunityDraft(d.name(), d.description(), d.value(), d.currency(), stage, probability,
                d.expectedCloseDate(), d.nextStep(), d.nextStepDue(), d.ourPosition(), d.competitors(), d.owner());
    }

    @Test
    void createdOpportunityReadsBackWithEveryField() {
        Opportunity created = opportunities.create(f.kamA, account, draft(" Line 3 ", "480000.50", "eur", "develop",
                null));
        Opportunity read = opportunities.get(f.viewerA, account, created.id());
        assertEquals(created, read);
        assertEquals("Line 3", read.name());
        assertEquals(new BigDecimal("480000.5"), read.value());
        assertEquals("EUR", read.currency());
        assertEquals(25, read.probability(), "the stage's default");
        assertEquals(new BigDecimal("120000.13"), read.weightedValue(), "480000.5 x 25 % = 120000.125");
        assertEquals(OpportunityStatus.OPEN, read.status());
        assertEquals(LocalDate.of(2026, 9, 30), read.expectedCloseDate());
        assertEquals(LocalDate.of(2026, 4, 2), read.nextStepDue());
        assertEquals(f.kamA.userId(), read.owner(), "the caller owns it by default");
        assertEquals(List.of(new Competitor("Konkurrent AG", "price", "slow service", OurPosition.INCUMBENT),
                new Competitor("Other Corp", null, null, null)), read.competitors());
        assertEquals(1, read.version());
        assertNull(read.closedAt());

        Event event = single(PipelineEvents.CREATED);
        assertEquals(account, event.getProperty(AccountEvents.ACCOUNT_ID));
        assertEquals(f.unitA, event.getProperty(AccountEvents.BUSINESS_UNIT));
        assertEquals(created.id(), event.getProperty(AccountEvents.ENTITY_ID));
        assertEquals(f.kamA.userId(), event.getProperty(AccountEvents.ACTOR));
        assertEquals("open", event.getProperty(PipelineEvents.STATUS));

        AuditEntry audit = trail().get(0);
        assertEquals("opportunity", audit.entityType());
        assertEquals("created", audit.action());
        assertEquals("position: incumbent; strengths: price; weaknesses: slow service",
                change(audit, "competitors.Konkurrent AG").after());
    }

    @Test
    void theProbabilityFollowsTheStageUnlessOverridden() {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "qualify", null));
        assertEquals(10, o.probability());
        o = opportunities.update(f.kamA, account, o.id(), 1, with(o.toDraft(), "propose", null));
        assertEquals(50, o.probability());
        assertEquals(new BigDecimal("500.00"), o.weightedValue());
        o = opportunities.update(f.kamA, account, o.id(), 2, with(o.toDraft(), "propose", 60));
        assertEquals(60, o.probability());
        assertEquals(3, o.version());

        AuditEntry update = trail().get(0);
        assertEquals("updated", update.action());
        assertEquals(Set.of("probability"), update.changes().stream().map(FieldChange::field).collect(Collectors.toSet()));
        assertEquals("50", change(update, "probability").before());
        assertEquals(2, f.events(PipelineEvents.OPPORTUNITY_CHANGED).stream()
                .filter(e -> PipelineEvents.UPDATED.equals(e.getProperty(AccountEvents.ACTION))).count());
    }

    @Test
    void staleVersionIsRefusedAndChangesNothing() {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "qualify", null));
        opportunities.update(f.kamA, account, o.id(), 1, with(o.toDraft(), "develop", null));
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> opportunities.update(f.kamA, account, o.id(), 1, with(o.toDraft(), "commit", null)));
        assertEquals(2, e.currentVersion());
        assertEquals("develop", opportunities.get(f.kamA, account, o.id()).stage());
        assertThrows(StaleVersionException.class, () -> opportunities.close(f.kamA, account, o.id(), 1,
                new OpportunityClosing(OpportunityStatus.WON, "x", false)));
        assertThrows(StaleVersionException.class, () -> opportunities.delete(f.kamA, account, o.id(), 1));
        assertEquals(OpportunityStatus.OPEN, opportunities.get(f.kamA, account, o.id()).status());
    }

    @Test
    void anotherUnitsOpportunitiesDoNotExistForTheCaller() {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "qualify", null));
        assertThrows(NotFoundException.class, () -> opportunities.list(f.kamB, account));
        assertThrows(NotFoundException.class, () -> opportunities.open(f.kamB, account));
        assertThrows(NotFoundException.class, () -> opportunities.summary(f.kamB, account));
        assertThrows(NotFoundException.class, () -> opportunities.get(f.kamB, account, o.id()));
        assertThrows(NotFoundException.class, () -> opportunities.create(f.kamB, account, draft("X", "1", "EUR",
                "qualify", null)));
        assertThrows(NotFoundException.class, () -> opportunities.update(f.kamB, account, o.id(), 1, o.toDraft()));
        assertThrows(NotFoundException.class, () -> opportunities.close(f.kamB, account, o.id(), 1,
                new OpportunityClosing(OpportunityStatus.LOST, "x", false)));
        assertThrows(NotFoundException.class, () -> opportunities.delete(f.kamB, account, o.id(), 1));
        // an id from another account is not found under this one
        String other = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Other", null, null, null, null, null,
                null, null, null, null, null, null, null)).id();
        assertThrows(NotFoundException.class, () -> opportunities.get(f.kamA, other, o.id()));
        assertEquals(o, opportunities.get(f.admin, account, o.id()));
        assertEquals(1, f.events(PipelineEvents.OPPORTUNITY_CHANGED).size());
    }

    @Test
    void summariesOfManyAccountsMatchEachAccountsAndLeaveOutWhatTheCallerMayNotRead() {
        opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "qualify", null));
        opportunities.create(f.kamA, account, draft("Line 4", "500", "USD", "qualify", null));
        String quiet = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Quiet", null, null, null, null, null,
                null, null, null, null, null, null, null)).id();
        String theirs = f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Theirs", null, null, null, null, null,
                null, null, null, null, null, null, null)).id();
        opportunities.create(f.kamB, theirs, draft("B line", "70", "EUR", "qualify", null));

        Map<String, PipelineSummary> seen = opportunities.summaries(f.kamA, List.of(account, quiet, theirs, "gone"));

        assertEquals(Map.of(account, opportunities.summary(f.kamA, account)), seen);
        assertEquals(2, seen.get(account).openCount());
        assertEquals(Set.of(account, theirs), opportunities.summaries(f.admin, List.of(account, quiet, theirs))
                .keySet());
    }

    @Test
    void openOpportunitiesOfManyAccountsMatchEachAccountsInOrder() {
        opportunities.create(f.kamA, account, draft("Late", "1000", "EUR", "qualify", null));
        opportunities.create(f.kamA, account, draft("Other currency", "500", "USD", "qualify", null));
        String theirs = f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Theirs", null, null, null, null, null,
                null, null, null, null, null, null, null)).id();
        opportunities.create(f.kamB, theirs, draft("B line", "70", "EUR", "qualify", null));

        Map<String, List<Opportunity>> seen = opportunities.open(f.kamA, List.of(account, theirs, "gone"));

        assertEquals(Map.of(account, opportunities.open(f.kamA, account)), seen, "in the single read's order");
        assertEquals(Map.of(account, opportunities.open(f.admin, account), theirs, opportunities.open(f.admin, theirs)),
                opportunities.open(f.admin, List.of(account, theirs)));
    }

    @Test
    void viewersReadButDoNotWrite() {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "qualify", null));
        assertEquals(List.of(o), opportunities.list(f.viewerA, account));
        assertThrows(AccessDeniedException.class, () -> opportunities.create(f.viewerA, account, draft("X", "1",
                "EUR", "qualify", null)));
        assertThrows(AccessDeniedException.class, () -> opportunities.close(f.viewerA, account, o.id(), 1,
                new OpportunityClosing(OpportunityStatus.WON, "x", false)));
    }

    @Test
    void invalidDraftReportsEveryFieldAndStoresNothing() {
        OpportunityDraft bad = new OpportunityDraft("Line 3", null, new BigDecimal("0"), "EURO", "closing", 120,
                LocalDate.of(2026, 9, 30), null, null, OurPosition.CHALLENGER,
                List.of(new Competitor("A", null, null, null), new Competitor("a", null, null, null)), null);
        ValidationException e = assertThrows(ValidationException.class, () -> opportunities.create(f.kamA, account,
                bad));
        assertEquals(List.of("value", "currency", "stage", "probability", "nextStep", "nextStepDue",
                "competitors[1].name"), e.violations().stream().map(Violation::field).toList());
        assertTrue(opportunities.list(f.kamA, account).isEmpty());
        assertTrue(f.events.isEmpty());
    }

    @Test
    void theOwnerMustBeAbleToWorkTheAccount() {
        OpportunityDraft d = draft("Line 3", "1000", "EUR", "qualify", null);
        for (String owner : List.of(f.viewerA.userId(), f.kamB.userId(), "nobody")) {
            OpportunityDraft owned = new OpportunityDraft(d.name(), d.description(), d.value(), d.currency(), d.stage(),
                    null, d.expectedCloseDate(), d.nextStep(), d.nextStepDue(), d.ourPosition(), d.competitors(), owner);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> opportunities.create(f.kamA, account, owned));
            assertEquals("owner", e.violations().get(0).field());
        }
        OpportunityDraft byBuAdmin = new OpportunityDraft(d.name(), d.description(), d.value(), d.currency(),
                d.stage(), null, d.expectedCloseDate(), d.nextStep(), d.nextStepDue(), d.ourPosition(), d.competitors(),
                f.buAdminA.userId());
        Opportunity o = opportunities.create(f.kamA, account, byBuAdmin);
        assertEquals(f.buAdminA.userId(), o.owner());
        assertEquals(f.buAdminA.userId(), opportunities.update(f.kamA, account, o.id(), 1, with(d, "develop", null))
                .owner(), "an update without an owner keeps the owner");
    }

    @Test
    void closingWithoutFollowUpsLeavesThemOpen() throws SQLException {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "480000.5", "EUR", "negotiate", null));
        String open = followUp(o.id(), "OPEN");
        String unlinked = followUp(null, "OPEN");

        Opportunity won = opportunities.close(f.kamA, account, o.id(), 1,
                new OpportunityClosing(OpportunityStatus.WON, "  Best total cost of ownership ", false));
        assertEquals(OpportunityStatus.WON, won.status());
        assertEquals("Best total cost of ownership", won.closeReason());
        assertEquals(100, won.probability());
        assertEquals(new BigDecimal("480000.50"), won.weightedValue(), "a won opportunity counts its full value");
        assertNotNull(won.closedAt());
        assertEquals(2, won.version());
        assertEquals(won, opportunities.get(f.kamA, account, o.id()));
        assertEquals("OPEN", followUpStatus(open));
        assertEquals("OPEN", followUpStatus(unlinked));

        Event event = single(PipelineEvents.CLOSED);
        assertEquals("won", event.getProperty(PipelineEvents.STATUS));
        assertEquals(0, event.getProperty(PipelineEvents.CLOSED_FOLLOW_UPS));
        AuditEntry audit = trail().get(0);
        assertEquals("open", change(audit, "status").before());
        assertEquals("won", change(audit, "status").after());
    }

    @Test
    void closingWithFollowUpsClosesOnlyItsOpenOnes() throws SQLException {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "propose", null));
        Opportunity sibling = opportunities.create(f.kamA, account, draft("Line 4", "1000", "EUR", "propose", null));
        String open1 = followUp(o.id(), "OPEN");
        String open2 = followUp(o.id(), "OPEN");
        String done = followUp(o.id(), "DONE");
        String ofSibling = followUp(sibling.id(), "OPEN");
        String unlinked = followUp(null, "OPEN");

        Opportunity lost = opportunities.close(f.kamA, account, o.id(), 1,
                new OpportunityClosing(OpportunityStatus.LOST, "Price 12 % above the incumbent", true));
        assertEquals(0, lost.probability());
        assertEquals(new BigDecimal("0.00"), lost.weightedValue());
        assertEquals("DONE", followUpStatus(open1));
        assertEquals("DONE", followUpStatus(open2));
        assertEquals("DONE", followUpStatus(done));
        assertEquals(1, followUpVersion(done), "an already done follow-up is not touched");
        assertEquals("OPEN", followUpStatus(ofSibling));
        assertEquals("OPEN", followUpStatus(unlinked));
        assertEquals(2, single(PipelineEvents.CLOSED).getProperty(PipelineEvents.CLOSED_FOLLOW_UPS));
        assertEquals(2, trail().stream().filter(a -> a.entityType().equals("follow-up")).count());
    }

    @Test
    void closingNeedsAReasonAndChangesNothingWithout() {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "propose", null));
        ValidationException e = assertThrows(ValidationException.class, () -> opportunities.close(f.kamA, account,
                o.id(), 1, new OpportunityClosing(OpportunityStatus.WON, " ", true)));
        assertEquals(List.of("closeReason"), e.violations().stream().map(Violation::field).toList());
        assertThrows(ValidationException.class, () -> opportunities.close(f.kamA, account, o.id(), 1,
                new OpportunityClosing(OpportunityStatus.OPEN, "why not", false)));
        assertEquals(o, opportunities.get(f.kamA, account, o.id()));
    }

    @Test
    void aClosedOpportunityIsFinalButMayBeDeleted() throws SQLException {
        Opportunity o = opportunities.create(f.kamA, account, draft("Line 3", "1000", "EUR", "propose", null));
        opportunities.close(f.kamA, account, o.id(), 1, new OpportunityClosing(OpportunityStatus.WON, "won", false));
        ConflictException update = assertThrows(ConflictException.class,
                () -> opportunities.update(f.kamA, account, o.id(), 2, o.toDraft()));
        assertEquals("status", update.field());
        assertThrows(ConflictException.class, () -> opportunities.close(f.kamA, account, o.id(), 2,
                new OpportunityClosing(OpportunityStatus.LOST, "changed", false)));
        String followUp = followUp(o.id(), "OPEN");

        opportunities.delete(f.kamA, account, o.id(), 2);
        assertThrows(NotFoundException.class, () -> opportunities.get(f.kamA, account, o.id()));
        assertEquals("OPEN", followUpStatus(followUp));
        assertNull(followUpOpportunity(followUp), "the follow-up stays with the account, unlinked");
        assertEquals(2, followUpVersion(followUp));
        assertEquals("deleted", single(PipelineEvents.DELETED).getProperty(AccountEvents.ACTION));
        assertEquals("deleted", trail().stream().filter(a -> a.entityType().equals("opportunity")).findFirst()
                .orElseThrow().action());
    }

    @Test
    void listsOpenFirstByExpectedCloseAndSummarizesPerCurrency() {
        Opportunity late = create("Late", "1000", "EUR", "develop", LocalDate.of(2026, 12, 1));      // 250.00
        Opportunity soon = create("Soon", "333.33", "EUR", "qualify", LocalDate.of(2026, 5, 1));     // 33.33
        Opportunity dollars = create("Dollars", "250000.50", "USD", "propose", LocalDate.of(2026, 7, 1)); // 125000.25
        Opportunity won = create("Won", "90000", "EUR", "commit", LocalDate.of(2026, 1, 1));
        Opportunity lost = create("Lost", "70000", "EUR", "commit", LocalDate.of(2026, 1, 1));
        opportunities.close(f.kamA, account, won.id(), 1, new OpportunityClosing(OpportunityStatus.WON, "w", false));
        opportunities.close(f.kamA, account, lost.id(), 1, new OpportunityClosing(OpportunityStatus.LOST, "l", false));

        assertEquals(List.of(soon.id(), dollars.id(), late.id(), lost.id(), won.id()),
                opportunities.list(f.viewerA, account).stream().map(Opportunity::id).toList(),
                "open by expected close, then closed ones, last closed first");
        assertEquals(List.of(soon.id(), dollars.id(), late.id()),
                opportunities.open(f.viewerA, account).stream().map(Opportunity::id).toList());
        PipelineSummary summary = opportunities.summary(f.viewerA, account);
        assertEquals(3, summary.openCount());
        assertEquals(Map.of("EUR", new BigDecimal("1333.33"), "USD", new BigDecimal("250000.5")), summary.openValue());
        assertEquals(Map.of("EUR", new BigDecimal("283.33"), "USD", new BigDecimal("125000.25")),
                summary.weightedValue());
    }

    @Test
    void thePipelineByStageAddsUpOpenOpportunitiesOfReadableAccounts() {
        create("Late", "1000", "EUR", "develop", LocalDate.of(2026, 12, 1));          // weighted 250.00
        create("Soon", "333.33", "EUR", "develop", LocalDate.of(2026, 5, 1));         // 83.33 (83.3325)
        create("Dollars", "250000.50", "USD", "propose", LocalDate.of(2026, 7, 1));   // 125000.25
        Opportunity won = create("Won", "90000", "EUR", "commit", LocalDate.of(2026, 1, 1));
        opportunities.close(f.kamA, account, won.id(), 1, new OpportunityClosing(OpportunityStatus.WON, "w", false));
        String second = f.accounts.create(f.kamA, new AccountDraft(f.unitA, "Second", null, null, null, null, null,
                null, null, null, null, null, null, null)).id();
        opportunities.create(f.kamA, second, draft("Second line", "0.01", "EUR", "develop", 50)); // 0.01 (0.005)
        String other = f.accounts.create(f.kamB, new AccountDraft(f.unitB, "Elsewhere", null, null, null, null, null,
                null, null, null, null, null, null, null)).id();
        opportunities.create(f.kamB, other, draft("Other unit", "5000", "EUR", "qualify", null));

        List<StagePipeline> stages = opportunities.pipelineByStage(f.viewerA, null, null);
        assertEquals(List.of("qualify", "develop", "propose", "negotiate", "commit"),
                stages.stream().map(StagePipeline::stage).toList(), "every configured stage, in order");
        assertEquals(new StagePipeline("qualify", 10, 0, Map.of(), Map.of()), stages.get(0),
                "unit B's opportunity is not the caller's to see");
        assertEquals(new StagePipeline("develop", 25, 3, Map.of("EUR", new BigDecimal("1333.34")),
                Map.of("EUR", new BigDecimal("333.34"))), stages.get(1));
        assertEquals(new StagePipeline("propose", 50, 1, Map.of("USD", new BigDecimal("250000.5")),
                Map.of("USD", new BigDecimal("125000.25"))), stages.get(2));
        assertEquals(0, stages.get(4).openCount(), "won and lost ones are not pipeline");

        assertEquals(1, opportunities.pipelineByStage(f.admin, f.unitB, null).get(0).openCount());
        assertEquals(0, opportunities.pipelineByStage(f.kamA, f.unitB, null).get(0).openCount(),
                "a unit the caller cannot read adds nothing");
        assertEquals(4, opportunities.pipelineByStage(f.admin, f.unitA, f.kamA.userId()).stream()
                .mapToInt(StagePipeline::openCount).sum());
        assertEquals(0, opportunities.pipelineByStage(f.admin, f.unitA, f.kamB.userId()).stream()
                .mapToInt(StagePipeline::openCount).sum());
    }

    @Test
    void stagesNoLongerConfiguredStillShowTheirOpportunities() {
        create("Line 3", "1000", "EUR", "negotiate", LocalDate.of(2026, 12, 1));
        OpportunityService fewer = new OpportunityService(f.database, f.eventAdmin,
                new PipelineStages("qualify:10", "propose:50"));
        List<StagePipeline> stages = fewer.pipelineByStage(f.kamA, f.unitA, null);
        assertEquals(List.of("qualify", "propose", "negotiate"), stages.stream().map(StagePipeline::stage).toList());
        assertEquals(new StagePipeline("negotiate", -1, 1, Map.of("EUR", new BigDecimal("1000")),
                Map.of("EUR", new BigDecimal("750.00"))), stages.get(2));
    }

    @Test
    void theStagesAreTheConfiguredOnes() {
        assertEquals(List.of("qualify", "develop", "propose", "negotiate", "commit"),
                opportunities.stages().stream().map(s -> s.id()).toList());
    }

    private Opportunity create(String name, String value, String currency, String stage, LocalDate close) {
        OpportunityDraft d = draft(name, value, currency, stage, null);
        return opportunities.create(f.kamA, account, new OpportunityDraft(d.name(), d.description(), d.value(),
                d.currency(), d.stage(), null, close, d.nextStep(), d.nextStepDue(), d.ourPosition(), d.competitors(),
                null));
    }

    private Event single(String action) {
        List<Event> matching = f.events(PipelineEvents.OPPORTUNITY_CHANGED).stream()
                .filter(e -> action.equals(e.getProperty(AccountEvents.ACTION))).toList();
        assertEquals(1, matching.size(), () -> "events " + action + ": " + matching);
        return matching.get(0);
    }

    private List<AuditEntry> trail() {
        return f.audit.forAccount(f.admin, account, 100, null).items();
    }

    private static FieldChange change(AuditEntry entry, String field) {
        return entry.changes().stream().filter(c -> c.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + entry));
    }

    /** A follow-up row written directly: the follow-up service is not this contract's subject. */
    private String followUp(String opportunityId, String status) throws SQLException {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO follow_up (id, account_id, opportunity_id, title, owner_id, due_date, status, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, account);
            ps.setString(3, opportunityId);
            ps.setString(4, "Call back " + id);
            ps.setString(5, f.kamA.userId());
            ps.setObject(6, LocalDate.of(2026, 4, 1));
            ps.setString(7, status);
            ps.setObject(8, now);
            ps.setObject(9, now);
            ps.executeUpdate();
        }
        return id;
    }

    private String followUpStatus(String id) throws SQLException {
        return followUpColumn(id, "status");
    }

    private String followUpOpportunity(String id) throws SQLException {
        return followUpColumn(id, "opportunity_id");
    }

    private long followUpVersion(String id) throws SQLException {
        return Long.parseLong(followUpColumn(id, "version"));
    }

    private String followUpColumn(String id, String column) throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM follow_up WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "follow-up " + id);
                return rs.getString(1);
            }
        }
    }
}
