package org.openkam.api.account;

/**
 * What an account listing asks for. Every filter is optional; {@code null} means any.
 *
 * @param businessUnit only accounts of this unit
 * @param tier only this tier
 * @param owner only accounts of this key account manager (user id)
 * @param country only this ISO 3166-1 alpha-2 country
 * @param status only this status
 * @param search case-insensitive part of the name or legal name
 * @param sort the order
 * @param descending whether the order is reversed
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param offset rows to skip (offset paging); ignored with a cursor
 * @param cursor the cursor from the previous page (cursor paging)
 * @param withTotal whether to count every match
 */
public record AccountQuery(String businessUnit, KeyAccountTier tier, String owner, String country,
        AccountStatus status, String search, AccountSort sort, boolean descending, int limit, int offset,
        String cursor, boolean withTotal) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AccountQuery {
        if (sort == null) {
            sort = AccountSort.NAME;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    /** Every account the caller may read, by name, first page. */
    public static AccountQuery all() {
        return new AccountQuery(null, null, null, null, null, null, AccountSort.NAME, false, DEFAULT_LIMIT, 0, null,
                false);
    }
}
