package org.openkam.retail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;

/** A unit's products (SKUs) and category tree in {@code retail_product} and {@code retail_category}. */
public final class ProductCatalog {

    static final String PRODUCT = "retail-product";
    static final String CATEGORY = "retail-category";
    private static final String PRODUCT_COLUMNS = "id, business_unit, gtin, name, brand, pack_size, category_id, "
            + "list_price, cost, version";

    private final Database database;

    public ProductCatalog(Database database) {
        this.database = database;
    }

    public List<Category> categories(String unit) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, business_unit, parent_id, name, "
                    + "version FROM retail_category WHERE business_unit = ? ORDER BY name, id")) {
                ps.setString(1, unit);
                List<Category> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5)));
                    }
                }
                return out;
            }
        });
    }

    /** Adds a category under {@code parentId} (a category of the same unit) or at the top. */
    public Category createCategory(Caller caller, String unit, String parentId, String name) {
        new Violations().required("name", name, 200).maxLength("parentId", parentId, 36).throwIfAny();
        Category category = new Category(UUID.randomUUID().toString(), unit, parentId, name.strip(), 1);
        return database.write(caller, tx -> {
            if (parentId != null && !exists(tx.connection(), "retail_category", parentId, unit)) {
                throw new ValidationException("parentId", "is not a category of the unit");
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO retail_category (id, "
                    + "business_unit, parent_id, name, version, created_at) VALUES (?, ?, ?, ?, 1, ?)")) {
                ps.setString(1, category.id());
                ps.setString(2, unit);
                ps.setString(3, parentId);
                ps.setString(4, category.name());
                Rows.setInstant(ps, 5, Rows.now());
                ps.executeUpdate();
            }
            tx.audit(CATEGORY, category.id(), null, unit, null, Map.of("name", category.name()));
            return category;
        });
    }

    public List<Product> products(String unit) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + PRODUCT_COLUMNS
                    + " FROM retail_product WHERE business_unit = ? ORDER BY brand, name, id")) {
                ps.setString(1, unit);
                List<Product> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public Product product(String unit, String id) {
        return database.read(tx -> find(tx.connection(), unit, id));
    }

    /** Adds a SKU; its GTIN must be valid and new in the unit. */
    public Product create(Caller caller, String unit, ProductDraft draft) {
        draft.violations().throwIfAny();
        Product product = new Product(UUID.randomUUID().toString(), unit, draft.gtin(), draft.name().strip(),
                draft.brand().strip(), draft.packSize() == null ? null : draft.packSize().strip(), draft.categoryId(),
                Money.plain(draft.listPrice()), Money.plain(draft.cost()), 1);
        try {
            return database.write(caller, tx -> {
                Connection c = tx.connection();
                if (product.categoryId() != null && !exists(c, "retail_category", product.categoryId(), unit)) {
                    throw new ValidationException("categoryId", "is not a category of the unit");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO retail_product (" + PRODUCT_COLUMNS
                        + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, product.id());
                    ps.setString(2, unit);
                    ps.setString(3, product.gtin());
                    ps.setString(4, product.name());
                    ps.setString(5, product.brand());
                    ps.setString(6, product.packSize());
                    ps.setString(7, product.categoryId());
                    ps.setBigDecimal(8, product.listPrice());
                    ps.setBigDecimal(9, product.cost());
                    ps.setLong(10, 1);
                    Rows.setInstant(ps, 11, Rows.now());
                    ps.executeUpdate();
                }
                tx.audit(PRODUCT, product.id(), null, unit, null, audited(product));
                return product;
            });
        } catch (StoreException e) {
            if (e.duplicateKey()) {
                throw new ValidationException("gtin", "is already a product of the unit");
            }
            throw e;
        }
    }

    static Product find(Connection c, String unit, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PRODUCT_COLUMNS
                + " FROM retail_product WHERE id = ? AND business_unit = ?")) {
            ps.setString(1, id);
            ps.setString(2, unit);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("product", id);
                }
                return read(rs);
            }
        }
    }

    /** Whether {@code table} holds the row {@code id} of the unit. */
    static boolean exists(Connection c, String table, String id, String unit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table
                + " WHERE id = ? AND business_unit = ?")) {
            ps.setString(1, id);
            ps.setString(2, unit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, String> audited(Product p) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("gtin", p.gtin());
        fields.put("name", p.name());
        fields.put("brand", p.brand());
        fields.put("listPrice", p.listPrice().toPlainString());
        fields.put("cost", p.cost().toPlainString());
        return fields;
    }

    private static Product read(ResultSet rs) throws SQLException {
        return new Product(rs.getString("id"), rs.getString("business_unit"), rs.getString("gtin"),
                rs.getString("name"), rs.getString("brand"), rs.getString("pack_size"), rs.getString("category_id"),
                Money.read(rs, "list_price"), Money.read(rs, "cost"), rs.getLong("version"));
    }
}
