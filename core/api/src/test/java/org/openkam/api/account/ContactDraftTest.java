package org.openkam.api.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContactDraftTest {

    private static Contact contact(Set<BuyingCenterRole> roles, Integer influence) {
        return new Contact("c1", "a1", "Ann", "Lee", null, null, null, 1, Instant.EPOCH, Instant.EPOCH, roles, null,
                influence, null, null, null);
    }

    @Test
    void rolesKeepTheirDeclarationOrderWhateverOrderTheyCameIn() {
        ContactDraft d = new ContactDraft(null, "Lee", null, null, null,
                Set.of(BuyingCenterRole.COACH, BuyingCenterRole.ECONOMIC_BUYER, BuyingCenterRole.USER), null, null,
                null, null, null);
        assertEquals(List.of(BuyingCenterRole.ECONOMIC_BUYER, BuyingCenterRole.USER, BuyingCenterRole.COACH),
                List.copyOf(d.roles()));
        assertEquals(Set.of(), new ContactDraft(null, "Lee", null, null, null, null, null, null, null, null, null)
                .roles());
    }

    @Test
    void influenceAndStrengthRunFromOneToFive() {
        ContactDraft bad = new ContactDraft(null, "Lee", null, null, null, Set.of(), Attitude.NEUTRAL, 0, " ", " ", 6)
                .normalized();
        assertEquals(List.of("influence", "relationshipStrength"),
                bad.validate().list().stream().map(v -> v.field()).toList());
        assertEquals(null, bad.reportsTo());
        assertEquals(null, bad.relationshipOwner());
        assertTrue(new ContactDraft(null, "Lee", null, null, null, Set.of(), null, 5, null, null, 1).validate()
                .isEmpty());
    }

    @Test
    void keyContactsDecideOrWeighFourOrMore() {
        assertTrue(contact(Set.of(BuyingCenterRole.ECONOMIC_BUYER), null).isKey());
        assertTrue(contact(Set.of(BuyingCenterRole.DECISION_MAKER), 1).isKey());
        assertTrue(contact(Set.of(BuyingCenterRole.USER), 4).isKey());
        assertFalse(contact(Set.of(BuyingCenterRole.INFLUENCER, BuyingCenterRole.COACH), 3).isKey());
        assertFalse(contact(Set.of(), null).isKey());
    }

    @Test
    void theNameIsFirstAndLastNameOrTheLastNameAlone() {
        assertEquals("Ann Lee", contact(Set.of(), null).name());
        assertEquals("Lee", new Contact("c1", "a1", null, "Lee", null, null, null, 1, Instant.EPOCH, Instant.EPOCH,
                Set.of(), null, null, null, null, null).name());
    }
}
