package org.openkam.api.engagement;

/**
 * EventAdmin topics posted after an activity or a follow-up changed. They carry the properties of
 * {@link org.openkam.api.event.AccountEvents} ({@code accountId}, {@code businessUnit}, {@code entityId},
 * {@code action}, {@code actor}). Buying-center changes are contact changes
 * ({@link org.openkam.api.event.AccountEvents#CONTACT_CHANGED}).
 */
public final class EngagementEvents {

    public static final String ACTIVITY_CHANGED = "org/openkam/activity/CHANGED";
    public static final String FOLLOW_UP_CHANGED = "org/openkam/follow-up/CHANGED";

    private EngagementEvents() {
    }
}
