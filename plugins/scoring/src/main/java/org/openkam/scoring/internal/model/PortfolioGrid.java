package org.openkam.scoring.internal.model;

import java.util.Locale;

import org.openkam.api.scoring.Classification;

/**
 * Places an account in a portfolio matrix by customer attractiveness (vertical) and our relative strength
 * (horizontal), both 0 to 100, with the recommended strategy of the cell. Axis values are compared as given;
 * callers pass them rounded as displayed, so the cell always agrees with the numbers shown.
 *
 * <ul>
 * <li>{@link Scheme#MILLMAN_WILSON}: a 3x3 grid, each axis low below {@code lower}, high from {@code upper},
 * medium between; five strategies along the diagonals: invest for growth (high/high, high attractiveness with
 * medium strength), invest selectively (medium attractiveness with high strength, high attractiveness with low
 * strength), maintain (medium/medium, low attractiveness with high strength), manage for cash (medium
 * attractiveness with low strength, low attractiveness with medium strength), withdraw (low/low).</li>
 * <li>{@link Scheme#FOUR_BOX}: McDonald and Woodburn's key account matrix, each axis high from {@code
 * threshold}: strategic (high/high), star (high attractiveness, low strength), status (low attractiveness, high
 * strength), streamline (low/low).</li>
 * </ul>
 * Boundaries belong to the higher level: exactly {@code upper} is high, exactly {@code lower} is medium.
 */
public final class PortfolioGrid {

    /** The matrix schemes. */
    public enum Scheme {
        MILLMAN_WILSON, FOUR_BOX;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The scheme named {@code key} ({@code millman-wilson}, {@code four-box}). */
        public static Scheme of(String key) {
            for (Scheme s : values()) {
                if (s.key().equals(key == null ? null : key.strip().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown matrix scheme '" + key + "'; use millman-wilson or four-box");
        }
    }

    /** The recommended strategies of the Millman-Wilson grid, from the most to the least investment. */
    public enum Strategy {
        INVEST_FOR_GROWTH("Invest for growth", "Invest for growth: a dedicated team, joint value creation and "
                + "top management contact; grow share of wallet."),
        INVEST_SELECTIVELY("Invest selectively", "Invest selectively: build our position where the customer "
                + "values it; decide case by case which opportunities to fund."),
        MAINTAIN("Maintain", "Maintain: protect the position efficiently; keep service levels, avoid new "
                + "investment."),
        MANAGE_FOR_CASH("Manage for cash", "Manage for cash: serve at the lowest cost that keeps the business; "
                + "standardize offers and processes."),
        WITHDRAW("Withdraw", "Withdraw: hand over to a lower-cost channel (inside sales, distributors) or "
                + "reduce service.");

        private final String label;
        private final String recommendation;

        Strategy(String label, String recommendation) {
            this.label = label;
            this.recommendation = recommendation;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String label() {
            return label;
        }

        public String recommendation() {
            return recommendation;
        }
    }

    /** A level of one axis of the 3x3 grid. */
    enum Level {
        LOW, MEDIUM, HIGH;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Strategy[][] GRID = {
        // strength:     LOW                        MEDIUM                     HIGH
        /* attr LOW */  {Strategy.WITHDRAW, Strategy.MANAGE_FOR_CASH, Strategy.MAINTAIN},
        /* attr MED */  {Strategy.MANAGE_FOR_CASH, Strategy.MAINTAIN, Strategy.INVEST_SELECTIVELY},
        /* attr HIGH */ {Strategy.INVEST_SELECTIVELY, Strategy.INVEST_FOR_GROWTH, Strategy.INVEST_FOR_GROWTH},
    };

    private PortfolioGrid() {
    }

    /** The Millman-Wilson cell; its id is {@code <attractiveness level>-<strength level>}, e.g. {@code high-medium}. */
    public static Classification millmanWilson(double attractiveness, double strength, double lower, double upper) {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("the lower grid line must lie below the upper one");
        }
        Level a = level(attractiveness, lower, upper);
        Level s = level(strength, lower, upper);
        Strategy strategy = strategy(a, s);
        return new Classification(a.key() + "-" + s.key(), strategy.label() + " (attractiveness " + a.key()
                + ", strength " + s.key() + ")", strategy.recommendation());
    }

    /** The strategy of a Millman-Wilson cell. */
    static Strategy strategy(Level attractiveness, Level strength) {
        return GRID[attractiveness.ordinal()][strength.ordinal()];
    }

    /** The strategy of a Millman-Wilson cell id such as {@code high-medium}, or {@code null} for another id. */
    public static Strategy strategyOf(String cellId) {
        String[] parts = cellId == null ? new String[0] : cellId.split("-");
        if (parts.length != 2) {
            return null;
        }
        try {
            return strategy(Level.valueOf(parts[0].toUpperCase(Locale.ROOT)), Level.valueOf(parts[1].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The four-box cell: {@code strategic}, {@code star}, {@code status} or {@code streamline}. */
    public static Classification fourBox(double attractiveness, double strength, double threshold) {
        boolean attractive = attractiveness >= threshold;
        boolean strong = strength >= threshold;
        if (attractive && strong) {
            return new Classification("strategic", "Strategic customer", "Invest: develop the partnership with a "
                    + "dedicated team and joint value creation; these accounts get the most resources.");
        }
        if (attractive) {
            return new Classification("star", "Star customer", "Invest selectively to build our position: the "
                    + "customer is attractive but we are not yet strong; target the gaps against competitors.");
        }
        if (strong) {
            return new Classification("status", "Status customer", "Maintain: keep the strong position with "
                    + "efficient service, without new investment.");
        }
        return new Classification("streamline", "Streamline customer", "Streamline: reduce the cost to serve, "
                + "e.g. through inside sales or distributors.");
    }

    /**
     * One cell of a matrix, for drawing it: where it lies on both axes (from inclusive, to exclusive but for 100),
     * its classification and its strategy's short name.
     */
    public record Cell(String id, String strategy, String label, String recommendation, double attractivenessFrom,
            double attractivenessTo, double strengthFrom, double strengthTo) {
    }

    /**
     * The cells of the matrix a model's description parameters configure ({@code scheme}, {@code grid.lower},
     * {@code grid.upper}, {@code fourBox.threshold}, as {@link PortfolioMatrixModel} describes itself), or
     * {@code null} if they configure none.
     */
    public static java.util.List<Cell> cells(java.util.Map<String, String> parameters) {
        try {
            Scheme scheme = Scheme.of(parameters.get("scheme"));
            if (scheme == Scheme.FOUR_BOX) {
                return fourBoxCells(Double.parseDouble(parameters.get("fourBox.threshold")));
            }
            return millmanWilsonCells(Double.parseDouble(parameters.get("grid.lower")),
                    Double.parseDouble(parameters.get("grid.upper")));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** The nine Millman-Wilson cells (fewer if a line lies on the border), low attractiveness and strength first. */
    public static java.util.List<Cell> millmanWilsonCells(double lower, double upper) {
        double[] lines = {0, lower, upper, 100};
        java.util.List<Cell> cells = new java.util.ArrayList<>();
        for (Level a : Level.values()) {
            for (Level s : Level.values()) {
                double a0 = lines[a.ordinal()];
                double a1 = lines[a.ordinal() + 1];
                double s0 = lines[s.ordinal()];
                double s1 = lines[s.ordinal() + 1];
                if (a0 == a1 || s0 == s1) {
                    continue; // a grid line on the border: the cell is empty
                }
                Classification c = millmanWilson(a0, s0, lower, upper);
                cells.add(new Cell(c.id(), strategy(a, s).label(), c.label(), c.recommendation(), a0, a1, s0, s1));
            }
        }
        return cells;
    }

    /** The four boxes: streamline, status, star, strategic. */
    public static java.util.List<Cell> fourBoxCells(double threshold) {
        java.util.List<Cell> cells = new java.util.ArrayList<>();
        double[][] ranges = {{0, threshold}, {threshold, 100}};
        for (double[] a : ranges) {
            for (double[] s : ranges) {
                if (a[0] == a[1] || s[0] == s[1]) {
                    continue;
                }
                Classification c = fourBox(a[0], s[0], threshold);
                String strategy = c.label().substring(0, c.label().indexOf(' '));
                cells.add(new Cell(c.id(), strategy, c.label(), c.recommendation(), a[0], a[1], s[0], s[1]));
            }
        }
        return cells;
    }

    static Level level(double value, double lower, double upper) {
        return value >= upper ? Level.HIGH : value >= lower ? Level.MEDIUM : Level.LOW;
    }
}
