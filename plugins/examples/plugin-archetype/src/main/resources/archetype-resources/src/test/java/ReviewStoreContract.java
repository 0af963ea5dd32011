package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.audit.AuditEntry;
import org.openkam.testing.TestDatabase;

/** The review table on every supported database: round trip, versions, audit trail and events after commit. */
abstract class ReviewStoreContract {

    static final Caller MANAGER = new Caller("user-kam", "kam", true, Map.of());
    static final LocalDate DAY = LocalDate.of(2027, 3, 31);

    ReviewStore store;
    String account;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        store = new ReviewStore(db().database());
        account = UUID.randomUUID().toString();
    }

    static ReviewDraft draft(int rating) {
        return new ReviewDraft(DAY, "Ada (CPO), Bob (KAM)", "Joint plan for 2027 agreed", rating, DAY.plusDays(90));
    }

    @Test
    void aReviewRoundTripsAndListsLatestFirst() {
        Review first = store.create(MANAGER, account, "industrial", draft(4));
        Review later = store.create(MANAGER, account, "industrial",
                new ReviewDraft(DAY.plusDays(91), "Ada", "Renewal signed", 5, null));
        store.create(MANAGER, UUID.randomUUID().toString(), "industrial", draft(3));

        assertEquals(first, store.get(account, first.id()), "every field comes back as stored");
        assertEquals(1, first.version());
        assertEquals(List.of(later, first), store.list(account), "only the account's reviews, the latest first");
        assertNull(later.nextReviewOn());
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndBumpsIt() {
        Review created = store.create(MANAGER, account, "industrial", draft(3));
        Review changed = store.update(MANAGER, account, created.id(), 1, draft(5));
        assertEquals(2, changed.version());
        assertEquals(5, store.get(account, created.id()).rating());
        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> store.update(MANAGER, account, created.id(), 1, draft(1)));
        assertEquals(2, stale.currentVersion());
        assertThrows(StaleVersionException.class, () -> store.delete(MANAGER, account, created.id(), 1));
        assertEquals(5, store.get(account, created.id()).rating(), "nothing changed");
    }

    @Test
    void aReviewOfAnotherAccountIsNotFound() {
        Review created = store.create(MANAGER, account, "industrial", draft(3));
        String other = UUID.randomUUID().toString();
        assertThrows(NotFoundException.class, () -> store.get(other, created.id()));
        assertThrows(NotFoundException.class, () -> store.delete(MANAGER, other, created.id(), 1));
    }

    @Test
    void badDraftsAreRefusedNamingEveryField() {
        ValidationException e = assertThrows(ValidationException.class, () -> store.create(MANAGER, account,
                "industrial", new ReviewDraft(DAY, " ", "ok", 6, DAY)));
        assertEquals(List.of("attendees", "rating", "nextReviewOn"),
                e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of(), store.list(account));
    }

    @Test
    void everyChangeIsAuditedAndAnnouncedAfterCommit() {
        Review created = store.create(MANAGER, account, "industrial", draft(3));
        store.update(MANAGER, account, created.id(), 1, draft(4));
        store.delete(MANAGER, account, created.id(), 2);

        List<AuditEntry> audit = db().audit(ReviewStore.ENTITY, created.id());
        assertEquals(3, audit.size(), audit::toString);
        assertTrue(audit.stream().allMatch(a -> account.equals(a.accountId()) && "industrial".equals(a.businessUnit())
                && "kam".equals(a.actorName())), audit::toString);
        assertTrue(audit.get(1).changes().stream().anyMatch(c -> c.field().equals("rating")), audit.get(1)::toString);
        for (String action : List.of("CREATED", "UPDATED", "DELETED")) {
            assertTrue(db().events(ReviewStore.TOPIC + "/" + action).stream()
                    .anyMatch(ev -> created.id().equals(ev.getProperty("reviewId"))
                            && account.equals(ev.getProperty("accountId"))), action);
        }
        assertThrows(NotFoundException.class, () -> store.get(account, created.id()));
    }
}
