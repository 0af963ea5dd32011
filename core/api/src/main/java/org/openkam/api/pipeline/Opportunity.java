package org.openkam.api.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A project the key account manager wants to win against the customer's other top suppliers, as stored.
 *
 * @param id the opportunity's id
 * @param accountId the account it belongs to
 * @param name what the project is
 * @param description details, free text
 * @param value what winning it is worth, in {@code currency}; greater than 0
 * @param currency ISO 4217 code of {@code value}; accounts may hold opportunities in several currencies
 * @param stage the id of a configured {@link PipelineStage}
 * @param probability win probability in percent: the stage's default unless overridden; 100 once won, 0 once lost
 * @param weightedValue derived by {@link WeightedValue#of}; pass {@code null} to have it computed
 * @param expectedCloseDate when the customer is expected to decide
 * @param status open, won or lost
 * @param closeReason why it was won or lost; set when closed
 * @param closedAt when it was closed
 * @param nextStep what happens next; an open opportunity always has one
 * @param nextStepDue when the next step is due
 * @param ourPosition our standing at the customer for this project
 * @param competitors the other suppliers competing for it
 * @param owner the user id of who drives it
 * @param version optimistic concurrency version, incremented by every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Opportunity(String id, String accountId, String name, String description, BigDecimal value,
        String currency, String stage, int probability, BigDecimal weightedValue, LocalDate expectedCloseDate,
        OpportunityStatus status, String closeReason, Instant closedAt, String nextStep, LocalDate nextStepDue,
        OurPosition ourPosition, List<Competitor> competitors, String owner, long version, Instant createdAt,
        Instant updatedAt) {

    public Opportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ourPosition, "ourPosition");
        Objects.requireNonNull(owner, "owner");
        if (probability < 0 || probability > 100) {
            throw new IllegalArgumentException("probability must be 0 to 100, not " + probability);
        }
        BigDecimal derived = WeightedValue.of(status, value, probability);
        if (weightedValue != null && weightedValue.compareTo(derived) != 0) {
            throw new IllegalArgumentException("weightedValue " + weightedValue + " is not the derived " + derived);
        }
        weightedValue = derived;
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
    }

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    /** The editable fields, e.g. as the base of a partial update; the probability as stored. */
    public OpportunityDraft toDraft() {
        return new OpportunityDraft(name, description, value, currency, stage, probability, expectedCloseDate,
                nextStep, nextStepDue, ourPosition, competitors, owner);
    }
}
