package org.openkam.api.event;

/**
 * EventAdmin topics the registry posts after a change commits, and the properties they carry.
 * Subscribe to {@code org/openkam/*} for everything.
 */
public final class AccountEvents {

    public static final String ACCOUNT_CREATED = "org/openkam/account/CREATED";
    public static final String ACCOUNT_UPDATED = "org/openkam/account/UPDATED";
    public static final String ACCOUNT_DELETED = "org/openkam/account/DELETED";
    /**
     * An import created or changed accounts of a unit: one event per unit and committed batch instead of one per
     * account, so a million-line import holds no million events. Carries {@link #BUSINESS_UNIT}, {@link #ACTOR},
     * {@link #COUNT} and {@link #JOB_ID}, no account id; the audit trail has each account's change.
     */
    public static final String ACCOUNTS_IMPORTED = "org/openkam/account/IMPORTED";
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
    /** How many accounts an import created or changed in the unit ({@code long}). */
    public static final String COUNT = "count";
    /** The id of the import's job. */
    public static final String JOB_ID = "jobId";

    private AccountEvents() {
    }
}
