package org.openkam.api.engagement;

import java.util.Objects;

/**
 * A follow-up in a list across accounts, with what the list shows beside it.
 *
 * @param accountName the name of the follow-up's account
 * @param businessUnit the account's business unit
 * @param daysOverdue days past the due date for an open follow-up; 0 if not overdue
 */
public record FollowUpItem(FollowUp followUp, String accountName, String businessUnit, long daysOverdue) {

    public FollowUpItem {
        Objects.requireNonNull(followUp, "followUp");
    }
}
