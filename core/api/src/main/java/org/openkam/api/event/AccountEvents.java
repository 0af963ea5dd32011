package org.openkam.api.event;

/**
 * EventAdmin topics the registry posts after a change commits, and the properties they carry.
 * Subscribe to {@code org/openkam/*} for everything.
 */
public final class AccountEvents {

    public static final String ACCOUNT_CREATED = "org/openkam/account/CREATED";
    public static final String ACCOUNT_UPDATED = "org/openkam/account/UPDATED";
    public static final String ACCOUNT_DELETED = "org/openkam/account/DELETED";
    public static final String CONTACT_CHANGED = "org/openkam/contact/CHANGED";
    public static final String TEAM_CHANGED = "org/openkam/team/CHANGED";

    /** The account's id. */
    public static final String ACCOUNT_ID = "accountId";
    /** The business unit the account belongs to (after the change). */
    public static final String BUSINESS_UNIT = "businessUnit";
    /** The id of the changed entity (contact, team member); the account id for account topics. */
    public static final String ENTITY_ID = "entityId";
    /** {@code created}, {@code updated} or {@code deleted}. */
    public static final String ACTION = "action";
    /** The id of the user who made the change. */
    public static final String ACTOR = "actor";

    private AccountEvents() {
    }
}
