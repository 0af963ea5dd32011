package org.openkam.registry.internal.account;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Rows;

/**
 * Turns an {@link AccountQuery} into SQL scoped to the caller's business units. Cursor paging is keyset
 * paging on (sort value, id), so pages stay stable and cheap however deep a client pages.
 */
final class AccountFilter {

    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,4})?");
    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> params = new ArrayList<>();
    private final AccountQuery query;

    /** {@code null} if the caller can read no unit at all. */
    static AccountFilter of(Caller caller, AccountQuery query) {
        AccountFilter f = new AccountFilter(query);
        if (!caller.admin()) {
            if (caller.readableUnits().isEmpty()) {
                return null;
            }
            f.where.append(" AND business_unit IN (");
            String sep = "";
            for (String unit : caller.readableUnits()) {
                f.where.append(sep).append('?');
                f.params.add(unit);
                sep = ", ";
            }
            f.where.append(')');
        }
        f.eq("business_unit", query.businessUnit());
        f.eq("tier", query.tier() == null ? null : query.tier().name());
        f.eq("owner_id", query.owner());
        f.eq("country", query.country() == null ? null : query.country().toUpperCase(Locale.ROOT));
        f.eq("status", query.status() == null ? null : query.status().name());
        if (query.search() != null && !query.search().isBlank()) {
            f.where.append(" AND search_text LIKE ? ESCAPE '\\'");
            f.params.add(Rows.likeContains(query.search().strip().toLowerCase(Locale.ROOT)));
        }
        return f;
    }

    private AccountFilter(AccountQuery query) {
        this.query = query;
    }

    private void eq(String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** The count of the matches; on H2 a manager's or a key tier's off its own index, as their pages are. */
    String countSql(Dialect dialect) {
        String index = selectiveIndex();
        boolean hint = dialect == Dialect.H2 && query.businessUnit() != null && index != null;
        return "SELECT COUNT(*) FROM account" + (hint ? " USE INDEX (" + index + ")" : "") + where;
    }

    /**
     * The page query: filters, the cursor's keyset condition, order, and limit + 1 to see if more follow; unpaged,
     * the whole result in that order. The keyset condition starts with a plain range on the sort value, and a query
     * of one unit orders by the unit first, so that the database reads a page off the index ({@code
     * account_unit_name}) instead of sorting every match on every page (a run paging through a million accounts
     * would be quadratic). On H2 the query names that index: for a first page or a whole read (no range on the name)
     * H2's planner took the foreign key's index on the unit alone and sorted the whole unit (300,000 accounts:
     * 1.3-2.4 s for the first 50, against 2 ms in index order). A page of a manager's own accounts, or of a unit's key
     * or strategic accounts, is read off {@code account_owner} or {@code account_unit_tier} and sorted instead: in
     * name order H2 read the whole unit to find them (300,000 accounts: 3.7 s for a page of 30 key accounts, 4.7 s
     * for a manager's). By the last change likewise, off {@code account_unit_updated} (1,000,000 accounts: the
     * latest one in 42 ms against 16 s, H2 having picked the tiers' index and sorted). PostgreSQL's planner weighs
     * the sort itself.
     */
    String pageSql(boolean paged, Dialect dialect) {
        StringBuilder sql = new StringBuilder("SELECT * FROM account");
        if (dialect == Dialect.H2 && query.businessUnit() != null
                && (query.sort() == AccountSort.NAME || query.sort() == AccountSort.UPDATED_AT)) {
            String index = selectiveIndex();
            if (index == null) {
                index = query.sort() == AccountSort.NAME ? "account_unit_name" : "account_unit_updated";
            }
            sql.append(" USE INDEX (").append(index).append(')');
        }
        sql.append(where);
        String dir = query.descending() ? "DESC" : "ASC";
        String expr = sortExpression();
        if (paged && query.cursor() != null) {
            String op = query.descending() ? "<" : ">";
            sql.append(" AND ").append(expr).append(' ').append(op).append("= ? AND (").append(expr).append(' ')
                    .append(op).append(" ? OR (").append(expr).append(" = ? AND id ").append(op).append(" ?))");
        }
        sql.append(" ORDER BY ");
        if (query.businessUnit() != null) {
            sql.append("business_unit ").append(dir).append(", "); // one value: the order is the same
        }
        sql.append(expr).append(' ').append(dir).append(", id ").append(dir);
        if (paged) {
            sql.append(" LIMIT ").append(query.limit() + 1);
            if (query.cursor() == null && query.offset() > 0) {
                sql.append(" OFFSET ").append(query.offset());
            }
        }
        return sql.toString();
    }

    /**
     * The index of a unit's few accounts the query asks for, or {@code null}: a manager's own and the key or strategic
     * ones are read off their own index and sorted; otherwise a page reads the unit in name order and stops early.
     */
    private String selectiveIndex() {
        if (query.owner() != null) {
            return "account_owner";
        }
        if (query.tier() != null && query.tier() != KeyAccountTier.NONE) {
            return "account_unit_tier";
        }
        return null;
    }

    void bind(PreparedStatement ps, boolean withCursor) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        if (withCursor && query.cursor() != null) {
            Position after = position();
            ps.setObject(i++, after.value());
            ps.setObject(i++, after.value());
            ps.setObject(i++, after.value());
            ps.setString(i, after.id());
        }
    }

    /** Where a cursor continues: after the account with this sort value and id. */
    record Position(Object value, String id) {
    }

    /**
     * The position the query's cursor names, as the statement binds it.
     *
     * @throws ValidationException naming {@code cursor} for anything {@link #cursorAfter} did not write
     */
    Position position() {
        String[] parts = decode(query.cursor());
        return new Position(cursorValue(parts[0]), parts[1]);
    }

    /** A filter for reading a query's cursor, without the caller's scope. */
    static AccountFilter forCursor(AccountQuery query) {
        return new AccountFilter(query);
    }

    /** The cursor that continues after {@code last}. */
    String cursorAfter(Account last) {
        String value = switch (query.sort()) {
            case NAME -> last.name();
            case ANNUAL_SALES -> orZero(last.annualSales()).toPlainString();
            case POTENTIAL -> orZero(last.potential()).toPlainString();
            case CREATED_AT -> last.createdAt().toString();
            case UPDATED_AT -> last.updatedAt().toString();
        };
        String raw = value + '\u0000' + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private String sortExpression() {
        return switch (query.sort()) {
            case NAME -> "name";
            case ANNUAL_SALES -> "COALESCE(annual_sales, 0)";
            case POTENTIAL -> "COALESCE(potential, 0)";
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "updated_at";
        };
    }

    private Object cursorValue(String text) {
        try {
            return switch (query.sort()) {
                case NAME -> text;
                case ANNUAL_SALES, POTENTIAL -> amount(text);
                case CREATED_AT, UPDATED_AT -> Instant.parse(text).atOffset(java.time.ZoneOffset.UTC);
            };
        } catch (RuntimeException e) {
            throw badCursor();
        }
    }

    /**
     * An amount as {@link #cursorAfter} writes it, plain and within NUMERIC(19,4). A crafted exponent
     * ({@code 1e4000000}) would otherwise reach BigDecimal and database arithmetic: seconds of CPU, or a 500.
     */
    private static BigDecimal amount(String text) {
        if (!PLAIN_AMOUNT.matcher(text).matches()) {
            throw badCursor();
        }
        return new BigDecimal(text);
    }

    private static String[] decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int sep = raw.indexOf('\u0000');
            if (sep < 0) {
                throw badCursor();
            }
            return new String[] {raw.substring(0, sep), raw.substring(sep + 1)};
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static ValidationException badCursor() {
        return new ValidationException("cursor", "is not a cursor this listing returned, or it was sorted differently");
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
