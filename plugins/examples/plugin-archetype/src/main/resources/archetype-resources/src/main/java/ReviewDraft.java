package ${package};

import java.time.LocalDate;

import org.openkam.api.Violations;

/** What a key account manager writes about a review; {@code violations} names every bad field. */
public record ReviewDraft(LocalDate heldOn, String attendees, String outcome, Integer rating, LocalDate nextReviewOn) {

    public static final int MAX_ATTENDEES = 2000;
    public static final int MAX_OUTCOME = 4000;

    public Violations violations() {
        Violations v = new Violations()
                .required("heldOn", heldOn)
                .required("attendees", attendees, MAX_ATTENDEES)
                .required("outcome", outcome, MAX_OUTCOME)
                .required("rating", rating)
                .range("rating", rating, 1, 5);
        if (heldOn != null && nextReviewOn != null && !nextReviewOn.isAfter(heldOn)) {
            v.add("nextReviewOn", "must be after heldOn");
        }
        return v;
    }
}
