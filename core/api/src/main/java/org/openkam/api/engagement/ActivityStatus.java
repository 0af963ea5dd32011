package org.openkam.api.engagement;

/** Whether an activity is still ahead or took place. Only done activities make a contact fresh. */
public enum ActivityStatus {
    PLANNED, DONE
}
