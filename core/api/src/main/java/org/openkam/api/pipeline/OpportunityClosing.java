package org.openkam.api.pipeline;

import org.openkam.api.Violations;

/**
 * Closing an opportunity as won or lost.
 *
 * @param status {@code WON} or {@code LOST}
 * @param closeReason why; required, so that wins and losses can be learnt from
 * @param closeFollowUps whether the opportunity's open follow-ups are marked done with it
 */
public record OpportunityClosing(OpportunityStatus status, String closeReason, boolean closeFollowUps) {

    public static final int MAX_REASON = 2000;

    public OpportunityClosing normalized() {
        return new OpportunityClosing(status, OpportunityDraft.clean(closeReason), closeFollowUps);
    }

    /** Every rule this closing breaks. Validate a {@link #normalized()} one. */
    public Violations validate() {
        Violations v = new Violations().required("status", status);
        if (status == OpportunityStatus.OPEN) {
            v.add("status", "must be won or lost");
        }
        return v.required("closeReason", closeReason, MAX_REASON);
    }
}
