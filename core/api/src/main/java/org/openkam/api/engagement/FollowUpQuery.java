package org.openkam.api.engagement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The systematic follow-up list across the accounts a caller may read. Every filter is optional;
 * {@code null} means any.
 *
 * @param owner only follow-ups of this user id
 * @param overdue only open follow-ups due before {@code today}
 * @param status only this status
 * @param businessUnit only follow-ups of this unit's accounts
 * @param today the day that decides what is overdue
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor the cursor from the previous page
 * @param upcoming only open follow-ups due on or after {@code today}, soonest first
 */
public record FollowUpQuery(String owner, boolean overdue, FollowUpStatus status, String businessUnit,
        LocalDate today, int limit, String cursor, boolean upcoming) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public FollowUpQuery {
        Objects.requireNonNull(today, "today");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (overdue && upcoming) {
            throw new IllegalArgumentException("a follow-up is either overdue or upcoming, not both");
        }
    }

    /** A query without the upcoming filter. */
    public FollowUpQuery(String owner, boolean overdue, FollowUpStatus status, String businessUnit, LocalDate today,
            int limit, String cursor) {
        this(owner, overdue, status, businessUnit, today, limit, cursor, false);
    }
}
