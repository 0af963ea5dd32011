package org.openkam.api.engagement;

/**
 * Which activities of an account to list, newest first. Every filter is optional; {@code null} means any.
 *
 * @param contactId only activities with this contact
 * @param type only this kind
 * @param status only planned or only done activities
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor the cursor from the previous page
 */
public record ActivityQuery(String contactId, ActivityType type, ActivityStatus status, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ActivityQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The newest activities of any kind, first page. */
    public static ActivityQuery newest() {
        return new ActivityQuery(null, null, null, DEFAULT_LIMIT, null);
    }
}
