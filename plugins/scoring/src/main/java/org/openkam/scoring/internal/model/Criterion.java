package org.openkam.scoring.internal.model;

/**
 * One rated criterion of a weighted model.
 *
 * @param kind what it rates, with the texts its explanation shows
 * @param weight its configured weight, relative to the other criteria of its axis (any non-negative number)
 * @param rating 0 to 100, or {@code null} if the fact is unknown
 * @param input the fact as read, for people, or {@code null}
 */
public record Criterion(Kind kind, double weight, Double rating, String input) {

    /** The two axes of the portfolio. */
    public enum Axis {
        /** How attractive the customer is to us. */
        ATTRACTIVENESS("attractiveness", "Attractiveness"),
        /** How strong we are with the customer, relative to the competition. */
        STRENGTH("strength", "Strength");

        private final String key;
        private final String label;

        Axis(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }
    }

    /**
     * What a criterion rates. Its explanation texts are made once here, not for every account a model scores.
     *
     * @param id e.g. {@code sales}
     * @param axis which axis of the portfolio it rates
     * @param factor the contribution's factor id, e.g. {@code attractiveness.sales}
     * @param label the contribution's label, e.g. {@code Attractiveness: annual sales}
     * @param unknownLabel the label when the fact is unknown
     */
    public record Kind(String id, Axis axis, String factor, String label, String unknownLabel) {

        /** A criterion {@code id} of {@code axis}, {@code label} for people (e.g. {@code annual sales}). */
        public static Kind of(String id, Axis axis, String label) {
            String shown = axis.label + ": " + label;
            return new Kind(id, axis, axis.key + "." + id, shown, shown + " (unknown, left out)");
        }
    }

    public Criterion {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("criterion " + kind.id() + ": weight " + weight + " must be 0 or more");
        }
    }

    public Criterion(String id, Axis axis, String label, double weight, Double rating, String input) {
        this(Kind.of(id, axis, label), weight, rating, input);
    }

    public Axis axis() {
        return kind.axis();
    }
}
