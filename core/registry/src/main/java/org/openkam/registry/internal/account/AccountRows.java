package org.openkam.registry.internal.account;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.account.Account;
import org.openkam.api.account.AccountDraft;
import org.openkam.api.account.AccountStatus;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.persistence.Rows;

import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;

/** Maps accounts to and from the {@code account} table; shared by the registry and the importer. */
public final class AccountRows {

    public static final String INSERT = "INSERT INTO account (business_unit, name, search_text, legal_name, "
            + "industry, country, region, status, tier, owner_id, annual_sales, contribution_margin, potential, "
            + "currency, attributes, version, created_at, updated_at, id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    public static final String UPDATE = "UPDATE account SET business_unit = ?, name = ?, search_text = ?, "
            + "legal_name = ?, industry = ?, country = ?, region = ?, status = ?, tier = ?, owner_id = ?, "
            + "annual_sales = ?, contribution_margin = ?, potential = ?, currency = ?, attributes = ?, version = ?, "
            + "created_at = ?, updated_at = ? WHERE id = ?";
    private static final Gson GSON = new Gson();

    private AccountRows() {
    }

    /** Binds every column of {@link #INSERT} or {@link #UPDATE}, which list them in the same order. */
    public static void bind(PreparedStatement ps, Account a) throws SQLException {
        ps.setString(1, a.businessUnit());
        ps.setString(2, a.name());
        ps.setString(3, searchText(a.name(), a.legalName()));
        ps.setString(4, a.legalName());
        ps.setString(5, a.industry());
        ps.setString(6, a.country());
        ps.setString(7, a.region());
        ps.setString(8, a.status().name());
        ps.setString(9, a.tier().name());
        ps.setString(10, a.owner());
        setMoney(ps, 11, a.annualSales());
        setMoney(ps, 12, a.contributionMargin());
        setMoney(ps, 13, a.potential());
        ps.setString(14, a.currency());
        ps.setString(15, a.attributes().isEmpty() ? null : GSON.toJson(new TreeMap<>(a.attributes())));
        ps.setLong(16, a.version());
        Rows.setInstant(ps, 17, a.createdAt());
        Rows.setInstant(ps, 18, a.updatedAt());
        ps.setString(19, a.id());
    }

    /** The account of the result set's current row (a {@code SELECT *} of {@code account}). */
    public static Account map(ResultSet rs) throws SQLException {
        return new Columns(rs).account(rs);
    }

    /**
     * Where a result set of {@code SELECT * FROM account} holds each column, looked up once: by name, each read cost
     * the driver a search (H2 upper-cases and hashes the name), 18 per row of a page or of a stream of a whole unit.
     */
    public static final class Columns {
        private final int id;
        private final int businessUnit;
        private final int name;
        private final int legalName;
        private final int industry;
        private final int country;
        private final int region;
        private final int status;
        private final int tier;
        private final int owner;
        private final int annualSales;
        private final int contributionMargin;
        private final int potential;
        private final int currency;
        private final int attributes;
        private final int version;
        private final int createdAt;
        private final int updatedAt;

        public Columns(ResultSet rs) throws SQLException {
            id = rs.findColumn("id");
            businessUnit = rs.findColumn("business_unit");
            name = rs.findColumn("name");
            legalName = rs.findColumn("legal_name");
            industry = rs.findColumn("industry");
            country = rs.findColumn("country");
            region = rs.findColumn("region");
            status = rs.findColumn("status");
            tier = rs.findColumn("tier");
            owner = rs.findColumn("owner_id");
            annualSales = rs.findColumn("annual_sales");
            contributionMargin = rs.findColumn("contribution_margin");
            potential = rs.findColumn("potential");
            currency = rs.findColumn("currency");
            attributes = rs.findColumn("attributes");
            version = rs.findColumn("version");
            createdAt = rs.findColumn("created_at");
            updatedAt = rs.findColumn("updated_at");
        }

        /** The account of the current row. */
        public Account account(ResultSet rs) throws SQLException {
            return new Account(rs.getString(id), rs.getString(businessUnit), rs.getString(name),
                    rs.getString(legalName), rs.getString(industry), rs.getString(country), rs.getString(region),
                    AccountStatus.valueOf(rs.getString(status)), KeyAccountTier.valueOf(rs.getString(tier)),
                    rs.getString(owner), money(rs, annualSales), money(rs, contributionMargin), money(rs, potential),
                    rs.getString(currency), attributes(rs.getString(attributes)), rs.getLong(version),
                    Rows.instant(rs, createdAt), Rows.instant(rs, updatedAt));
        }
    }

    /** The attributes column's JSON object of texts, read as it streams: no adapter lookup, no tree of its own. */
    static Map<String, String> attributes(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        try (JsonReader in = new JsonReader(new StringReader(json))) {
            in.beginObject();
            while (in.hasNext()) {
                out.put(in.nextName(), in.nextString());
            }
            in.endObject();
        } catch (IOException | IllegalStateException e) {
            throw new SQLException("the attributes of an account are no JSON object of texts: " + e.getMessage(), e);
        }
        return out;
    }

    /** The fields the audit trail compares, as text. */
    public static Map<String, String> auditFields(Account a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("businessUnit", a.businessUnit());
        m.put("name", a.name());
        m.put("legalName", a.legalName());
        m.put("industry", a.industry());
        m.put("country", a.country());
        m.put("region", a.region());
        m.put("status", a.status().name().toLowerCase(Locale.ROOT));
        m.put("tier", a.tier().name().toLowerCase(Locale.ROOT));
        m.put("owner", a.owner());
        m.put("annualSales", plain(a.annualSales()));
        m.put("contributionMargin", plain(a.contributionMargin()));
        m.put("potential", plain(a.potential()));
        m.put("currency", a.currency());
        new TreeMap<>(a.attributes()).forEach((k, v) -> m.put("attributes." + k, v));
        return m;
    }

    static String searchText(String name, String legalName) {
        String text = legalName == null ? name : name + " " + legalName;
        return text.toLowerCase(Locale.ROOT);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static void setMoney(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NUMERIC);
        } else {
            ps.setBigDecimal(index, value);
        }
    }

    /** Amounts come back without the storage scale's trailing zeros, as drafts normalize them. */
    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        return AccountDraft.canonical(rs.getBigDecimal(column));
    }
}
