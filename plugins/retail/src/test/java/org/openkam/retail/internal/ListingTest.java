package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ListingTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    private static Listing listing(String bannerId, String storeId) {
        return new Listing("l", "r", "u", "p", bannerId, storeId, DAY, null, BigDecimal.ZERO, 1);
    }

    private static Store store(String id, String bannerId) {
        return new Store(id, "r", bannerId, "u", id, id, "north", "super", BigDecimal.TEN, BigDecimal.ONE, 1);
    }

    @Test
    void anyCoversDecidesAsAskingEachListing() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            List<Listing> listings = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                int kind = random.nextInt(10);
                listings.add(kind == 0 ? listing(null, null)
                        : kind < 5 ? listing("b" + random.nextInt(4), null) : listing(null, "s" + random.nextInt(20)));
            }
            var covers = Listing.anyCovers(listings);
            for (int s = 0; s < 20; s++) {
                Store store = store("s" + s, random.nextInt(5) == 0 ? null : "b" + random.nextInt(4));
                assertEquals(listings.stream().anyMatch(l -> l.covers(store)), covers.test(store),
                        () -> listings + " at " + store);
            }
        }
    }

    @Test
    void aRetailerWideListingCoversEveryStoreAndNoListingNone() {
        assertTrue(Listing.anyCovers(List.of(listing("b1", null), listing(null, null))).test(store("s1", null)));
        assertFalse(Listing.anyCovers(List.of()).test(store("s1", "b1")));
        assertFalse(Listing.anyCovers(List.of(listing("b1", null))).test(store("s1", null)), "a store of no banner");
    }
}
