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

    static Level level(double value, double lower, double upper) {
        return value >= upper ? Level.HIGH : value >= lower ? Level.MEDIUM : Level.LOW;
    }
}
