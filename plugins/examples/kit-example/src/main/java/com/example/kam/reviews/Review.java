package com.example.kam.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A quarterly business review of a key account, as stored; {@code version} counts its changes. */
public record Review(String id, String accountId, String businessUnit, LocalDate heldOn, String attendees,
        String outcome, int rating, LocalDate nextReviewOn, long version, Instant createdAt, Instant updatedAt) {

    /** The fields as the audit trail records them. */
    Map<String, String> audited() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("heldOn", heldOn.toString());
        fields.put("attendees", attendees);
        fields.put("outcome", outcome);
        fields.put("rating", Integer.toString(rating));
        fields.put("nextReviewOn", nextReviewOn == null ? null : nextReviewOn.toString());
        return fields;
    }
}
