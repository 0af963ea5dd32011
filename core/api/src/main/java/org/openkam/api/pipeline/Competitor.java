package org.openkam.api.pipeline;

/**
 * Another supplier competing for an opportunity.
 *
 * @param name the supplier's name, unique within the opportunity (ignoring case)
 * @param strengths what speaks for them, free text
 * @param weaknesses what speaks against them, free text
 * @param position their standing at the customer, if known
 */
public record Competitor(String name, String strengths, String weaknesses, OurPosition position) {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 2000;

    /** Trimmed texts; blank becomes absent. */
    public Competitor normalized() {
        return new Competitor(OpportunityDraft.clean(name), OpportunityDraft.clean(strengths),
                OpportunityDraft.clean(weaknesses), position);
    }
}
