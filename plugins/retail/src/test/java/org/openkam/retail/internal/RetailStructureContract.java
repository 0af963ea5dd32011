package org.openkam.retail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.testing.TestDatabase;

/** Products, retailer structure and listings on every supported database: round trips, refusals, audit. */
abstract class RetailStructureContract {

    static final Caller MANAGER = new Caller("user-kam", "kam", true, Map.of());

    ProductCatalog catalog;
    RetailerStructure structure;
    Listings listings;
    String unit;
    String retailer;

    abstract TestDatabase db();

    @BeforeEach
    void fixture() {
        catalog = new ProductCatalog(db().database());
        structure = new RetailerStructure(db().database());
        listings = new Listings(db().database());
        unit = "cg-" + UUID.randomUUID().toString().substring(0, 8);
        retailer = UUID.randomUUID().toString();
    }

    static ProductDraft cola(String gtin) {
        return new ProductDraft(gtin, "Cola 6 x 330 ml", "Fizz", "6 x 330 ml", null, new BigDecimal("4.99"),
                new BigDecimal("1.8"));
    }

    @Test
    void aProductRoundTripsInItsCategoryAndIsAudited() {
        Category drinks = catalog.createCategory(MANAGER, unit, null, "Drinks");
        Category soft = catalog.createCategory(MANAGER, unit, drinks.id(), "Soft drinks");
        ProductDraft draft = new ProductDraft("4006381333931", "Cola", "Fizz", null, soft.id(),
                new BigDecimal("4.9900"), new BigDecimal("2"));
        Product product = catalog.create(MANAGER, unit, draft);

        assertEquals(product, catalog.product(unit, product.id()), "every field comes back as stored");
        assertEquals(new BigDecimal("4.99"), product.listPrice());
        assertEquals(List.of(product), catalog.products(unit));
        assertEquals(List.of(drinks, soft), catalog.categories(unit));
        assertThrows(NotFoundException.class, () -> catalog.product("other-unit", product.id()));
        assertEquals(1, db().audit(ProductCatalog.PRODUCT, product.id()).size());
    }

    @Test
    void aBadGtinOrADuplicateIsRefusedAndNothingStored() {
        ValidationException bad = assertThrows(ValidationException.class,
                () -> catalog.create(MANAGER, unit, cola("4006381333932")));
        assertEquals(List.of("gtin"), bad.violations().stream().map(Violation::field).toList());
        catalog.create(MANAGER, unit, cola("4006381333931"));
        ValidationException twice = assertThrows(ValidationException.class,
                () -> catalog.create(MANAGER, unit, cola("4006381333931")));
        assertEquals("gtin", twice.violations().get(0).field());
        assertEquals(1, catalog.products(unit).size());
        catalog.create(MANAGER, "another-unit-" + unit, cola("4006381333931"));
    }

    @Test
    void aProductInAnotherUnitsCategoryIsRefused() {
        Category foreign = catalog.createCategory(MANAGER, "other-" + unit, null, "Drinks");
        ProductDraft draft = new ProductDraft("96385074", "Cola", "Fizz", null, foreign.id(), BigDecimal.ONE,
                BigDecimal.ONE);
        ValidationException e = assertThrows(ValidationException.class, () -> catalog.create(MANAGER, unit, draft));
        assertEquals("categoryId", e.violations().get(0).field());
        assertEquals(List.of(), catalog.products(unit));
    }

    @Test
    void storesBelongToTheRetailersBannersAndCodesAreUniqueInTheUnit() {
        Banner hyper = structure.createBanner(MANAGER, retailer, unit, "MegaMart", "hypermarket");
        Banner foreign = structure.createBanner(MANAGER, UUID.randomUUID().toString(), unit, "Other", "discounter");
        Store store = structure.createStore(MANAGER, retailer, unit,
                new StoreDraft(hyper.id(), "S-001", "MegaMart Berlin", "north", null, new BigDecimal("1200.5"),
                        new BigDecimal("80")));
        assertEquals("hypermarket", store.format(), "the banner's format by default");
        assertEquals(List.of(store), structure.stores(retailer));
        assertEquals(List.of(hyper), structure.banners(retailer));

        ValidationException wrongBanner = assertThrows(ValidationException.class, () -> structure.createStore(
                MANAGER, retailer, unit, new StoreDraft(foreign.id(), "S-002", "X", "north", null, BigDecimal.ONE,
                        BigDecimal.ONE)));
        assertEquals("bannerId", wrongBanner.violations().get(0).field());
        ValidationException sameCode = assertThrows(ValidationException.class, () -> structure.createStore(
                MANAGER, retailer, unit, new StoreDraft(hyper.id(), "S-001", "X", "north", null, BigDecimal.ONE,
                        BigDecimal.ONE)));
        assertEquals("code", sameCode.violations().get(0).field());
        assertEquals(1, structure.stores(retailer).size());
    }

    @Test
    void aNegativeWeightIsRefusedNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> structure.createStore(MANAGER,
                retailer, unit, new StoreDraft("b", "S-9", "X", "north", null, new BigDecimal("-1"), null)));
        assertEquals(List.of("acv", "pcv"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void buyingGroupsKeepTheirMembers() {
        String other = UUID.randomUUID().toString();
        BuyingGroup group = structure.createBuyingGroup(MANAGER, unit, "Alliance", List.of(retailer, other, retailer));
        assertEquals(Stream.of(retailer, other).sorted().toList(), group.retailerIds(), "each member once, by id");
        assertEquals(List.of(group), structure.buyingGroups(unit));
        BuyingGroup empty = structure.createBuyingGroup(MANAGER, unit, "Empty", List.of());
        assertEquals(List.of(group, empty), structure.buyingGroups(unit));
    }

    @Test
    void listingsNameAProductOfTheUnitAndABannerOrStoreOfTheRetailer() {
        Product product = catalog.create(MANAGER, unit, cola("96385074"));
        Banner banner = structure.createBanner(MANAGER, retailer, unit, "MegaMart", "hypermarket");
        Banner foreign = structure.createBanner(MANAGER, UUID.randomUUID().toString(), unit, "Other", "discounter");
        LocalDate from = LocalDate.of(2027, 1, 1);
        Listing listing = listings.create(MANAGER, retailer, unit, new ListingDraft(product.id(), banner.id(), null,
                from, from.plusMonths(6), new BigDecimal("2500")));
        assertEquals(List.of(listing), listings.of(retailer, null));
        assertEquals(List.of(listing), listings.of(retailer, product.id()));

        assertEquals("productId", assertThrows(ValidationException.class, () -> listings.create(MANAGER, retailer,
                unit, new ListingDraft(UUID.randomUUID().toString(), null, null, from, null, null)))
                .violations().get(0).field());
        assertEquals("bannerId", assertThrows(ValidationException.class, () -> listings.create(MANAGER, retailer,
                unit, new ListingDraft(product.id(), foreign.id(), null, from, null, null)))
                .violations().get(0).field());
        assertEquals("listedTo", assertThrows(ValidationException.class, () -> listings.create(MANAGER, retailer,
                unit, new ListingDraft(product.id(), null, null, from, from.minusDays(1), null)))
                .violations().get(0).field());
        assertEquals(1, listings.of(retailer, null).size(), "nothing stored by a refusal");
        assertTrue(db().audit(Listings.ENTITY, listing.id()).size() == 1);
    }
}
