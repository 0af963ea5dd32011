package org.openkam.retail.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;

/** Products, categories, buying groups, banners, stores and listings under {@code /retail}. */
final class StructureRoutes {

    private static final Set<String> READ_ONLY = Set.of("id", "businessUnit", "retailerId", "version");

    private final RetailScope scope;
    private final ProductCatalog catalog;
    private final RetailerStructure structure;
    private final Listings listings;

    StructureRoutes(RetailScope scope, ProductCatalog catalog, RetailerStructure structure, Listings listings) {
        this.scope = scope;
        this.catalog = catalog;
        this.structure = structure;
        this.listings = listings;
    }

    void define(RouteTable routes) {
        routes.get("/retail/units/{unit}/categories", ex -> items(catalog.categories(readUnit(ex))))
                .post("/retail/units/{unit}/categories", Operation.of().jsonBody(), this::createCategory)
                .get("/retail/units/{unit}/products", ex -> items(catalog.products(readUnit(ex))))
                .post("/retail/units/{unit}/products", Operation.of().jsonBody(), this::createProduct)
                .get("/retail/units/{unit}/products/{productId}", ex -> catalog.product(readUnit(ex),
                        ex.path("productId")))
                .get("/retail/units/{unit}/buying-groups", ex -> items(structure.buyingGroups(readUnit(ex))))
                .post("/retail/units/{unit}/buying-groups", Operation.of().jsonBody(), this::createBuyingGroup)
                .get("/retail/retailers/{id}/banners", ex -> items(structure.banners(
                        scope.retailer(ex.caller(), ex.path("id")).id())))
                .post("/retail/retailers/{id}/banners", Operation.of().jsonBody(), this::createBanner)
                .get("/retail/retailers/{id}/stores", ex -> items(structure.stores(
                        scope.retailer(ex.caller(), ex.path("id")).id())))
                .post("/retail/retailers/{id}/stores", Operation.of().jsonBody(), this::createStore)
                .get("/retail/retailers/{id}/listings", ex -> items(listings.of(
                        scope.retailer(ex.caller(), ex.path("id")).id(), ex.query("productId"))))
                .post("/retail/retailers/{id}/listings", Operation.of().jsonBody(), this::createListing);
    }

    static Map<String, Object> items(List<?> items) {
        return Map.of("items", items);
    }

    private String readUnit(Exchange ex) {
        String unit = ex.path("unit");
        scope.unit(ex.caller(), unit);
        return unit;
    }

    private Object createCategory(Exchange ex) throws IOException {
        String unit = ex.path("unit");
        scope.editableUnit(ex.caller(), unit);
        Body body = ex.body().allow(Set.of("name", "parentId"), READ_ONLY);
        String name = body.text("name", null);
        String parentId = body.text("parentId", null);
        body.throwIfAny();
        ex.status(201);
        return catalog.createCategory(ex.caller(), unit, parentId, name);
    }

    private Object createProduct(Exchange ex) throws IOException {
        String unit = ex.path("unit");
        scope.editableUnit(ex.caller(), unit);
        Body body = ex.body().allow(Set.of("gtin", "name", "brand", "packSize", "categoryId", "listPrice", "cost"),
                READ_ONLY);
        ProductDraft draft = new ProductDraft(body.text("gtin", null), body.text("name", null),
                body.text("brand", null), body.text("packSize", null), body.text("categoryId", null),
                body.decimal("listPrice", null), body.decimal("cost", null));
        body.throwIfAny(draft.violations());
        Product product = catalog.create(ex.caller(), unit, draft);
        ex.status(201);
        ex.etag(product.version());
        ex.header("Location", ex.apiUrl("/retail/units/" + unit + "/products/" + product.id()));
        return product;
    }

    private Object createBuyingGroup(Exchange ex) throws IOException {
        String unit = ex.path("unit");
        scope.editableUnit(ex.caller(), unit);
        Body body = ex.body().allow(Set.of("name", "retailerIds"), READ_ONLY);
        String name = body.text("name", null);
        List<String> retailerIds = body.textList("retailerIds", List.of());
        body.throwIfAny();
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < retailerIds.size(); i++) {
            if (scope.accountOf(ex.caller(), unit, retailerIds.get(i)) == null) {
                unknown.add(new Violation("retailerIds[" + i + "]", "is not an account of the unit"));
            }
        }
        ValidationException.throwIfAny(unknown);
        ex.status(201);
        return structure.createBuyingGroup(ex.caller(), unit, name, retailerIds);
    }

    private Object createBanner(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        Body body = ex.body().allow(Set.of("name", "format"), READ_ONLY);
        String name = body.text("name", null);
        String format = body.text("format", null);
        body.throwIfAny();
        ex.status(201);
        return structure.createBanner(ex.caller(), retailer.id(), retailer.unit(), name, format);
    }

    private Object createStore(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        Body body = ex.body().allow(Set.of("bannerId", "code", "name", "region", "format", "acv", "pcv"), READ_ONLY);
        StoreDraft draft = new StoreDraft(body.text("bannerId", null), body.text("code", null),
                body.text("name", null), body.text("region", null), body.text("format", null),
                body.decimal("acv", null), body.decimal("pcv", null));
        body.throwIfAny(draft.violations());
        ex.status(201);
        return structure.createStore(ex.caller(), retailer.id(), retailer.unit(), draft);
    }

    private Object createListing(Exchange ex) throws IOException {
        RetailScope.Retailer retailer = scope.editableRetailer(ex.caller(), ex.path("id"));
        Body body = ex.body().allow(Set.of("productId", "bannerId", "storeId", "listedFrom", "listedTo",
                "listingFee"), READ_ONLY);
        ListingDraft draft = new ListingDraft(body.text("productId", null), body.text("bannerId", null),
                body.text("storeId", null), body.date("listedFrom", null), body.date("listedTo", null),
                body.decimal("listingFee", null));
        body.throwIfAny(draft.violations());
        ex.status(201);
        return listings.create(ex.caller(), retailer.id(), retailer.unit(), draft);
    }
}
