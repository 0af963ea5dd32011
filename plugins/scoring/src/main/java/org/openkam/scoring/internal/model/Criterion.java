package org.openkam.scoring.internal.model;

/**
 * One rated criterion of a weighted model.
 *
 * @param id e.g. {@code sales}
 * @param axis which axis of the portfolio it rates
 * @param label for people
 * @param weight its configured weight, relative to the other criteria of its axis (any non-negative number)
 * @param rating 0 to 100, or {@code null} if the fact is unknown
 * @param input the fact as read, for people, or {@code null}
 */
public record Criterion(String id, Axis axis, String label, double weight, Double rating, String input) {

    /** The two axes of the portfolio. */
    public enum Axis {
        /** How attractive the customer is to us. */
        ATTRACTIVENESS("attractiveness"),
        /** How strong we are with the customer, relative to the competition. */
        STRENGTH("strength");

        private final String key;

        Axis(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public Criterion {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("criterion " + id + ": weight " + weight + " must be 0 or more");
        }
    }
}
