package org.openkam.scoring.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.scoring.internal.model.Criterion.Axis;

/**
 * The criteria of the weighted models and how each is rated from the facts. The defaults follow portfolio
 * analysis practice (McDonald and Woodburn's key account selection matrix): attractiveness by sales,
 * contribution margin, future potential, growth, the customer's value as a reference, and the complexity of its
 * structure; our strength by share of wallet, competitive position and relationship stage.
 *
 * @param weights the weight of each criterion by id, relative within its axis
 * @param moneyScale how sales, margin and potential are rated against the peers' largest
 * @param growthAttribute the custom attribute holding the customer's growth in % per year
 * @param growthZero growth (%) that rates 0
 * @param growthFull growth (%) that rates 100
 * @param referenceAttribute the custom attribute rating the customer's value as a reference, 1 to 5
 * @param complexityAttribute the custom attribute rating the complexity of the customer's structure, 1 to 5
 */
public record CriteriaSettings(Map<String, Double> weights, MoneyScale moneyScale, String growthAttribute,
        double growthZero, double growthFull, String referenceAttribute, String complexityAttribute) {

    public static final String SALES = "sales";
    public static final String MARGIN = "contribution-margin";
    public static final String POTENTIAL = "potential";
    public static final String GROWTH = "growth";
    public static final String REFERENCE = "reference-value";
    public static final String COMPLEXITY = "structure-complexity";
    public static final String SHARE_OF_WALLET = "share-of-wallet";
    public static final String COMPETITIVE_POSITION = "competitive-position";
    public static final String RELATIONSHIP_STAGE = "relationship-stage";
    static final List<String> ATTRACTIVENESS = List.of(SALES, MARGIN, POTENTIAL, GROWTH, REFERENCE, COMPLEXITY);
    static final List<String> STRENGTH = List.of(SHARE_OF_WALLET, COMPETITIVE_POSITION, RELATIONSHIP_STAGE);
    // what each criterion rates, its explanation texts made once
    private static final Criterion.Kind SALES_KIND = Criterion.Kind.of(SALES, Axis.ATTRACTIVENESS, "annual sales");
    private static final Criterion.Kind MARGIN_KIND =
            Criterion.Kind.of(MARGIN, Axis.ATTRACTIVENESS, "contribution margin");
    private static final Criterion.Kind POTENTIAL_KIND =
            Criterion.Kind.of(POTENTIAL, Axis.ATTRACTIVENESS, "future potential (3 years)");
    private static final Criterion.Kind GROWTH_KIND = Criterion.Kind.of(GROWTH, Axis.ATTRACTIVENESS, "growth");
    private static final Criterion.Kind REFERENCE_KIND =
            Criterion.Kind.of(REFERENCE, Axis.ATTRACTIVENESS, "value as a reference or multiplier");
    private static final Criterion.Kind COMPLEXITY_KIND =
            Criterion.Kind.of(COMPLEXITY, Axis.ATTRACTIVENESS, "complexity of the customer's structure");
    private static final Criterion.Kind SHARE_OF_WALLET_KIND =
            Criterion.Kind.of(SHARE_OF_WALLET, Axis.STRENGTH, "share of wallet");
    private static final Criterion.Kind COMPETITIVE_POSITION_KIND =
            Criterion.Kind.of(COMPETITIVE_POSITION, Axis.STRENGTH, "competitive position on open opportunities");
    private static final Criterion.Kind RELATIONSHIP_STAGE_KIND =
            Criterion.Kind.of(RELATIONSHIP_STAGE, Axis.STRENGTH, "relationship stage");

    public CriteriaSettings {
        weights = Map.copyOf(weights);
        for (String id : ids()) {
            Double w = weights.get(id);
            if (w == null || !(w >= 0) || w.isInfinite()) {
                throw new IllegalArgumentException("the weight of " + id + " must be 0 or more, not " + w);
            }
        }
        if (!(growthFull > growthZero)) {
            throw new IllegalArgumentException("growth rating 100 (" + growthFull + " %) must lie above rating 0 ("
                    + growthZero + " %)");
        }
        if (moneyScale == null) {
            throw new IllegalArgumentException("a money scale is required");
        }
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>(ATTRACTIVENESS);
        ids.addAll(STRENGTH);
        return ids;
    }

    /** The sum of an axis' weights. */
    double axisWeight(Axis axis) {
        return (axis == Axis.ATTRACTIVENESS ? ATTRACTIVENESS : STRENGTH).stream().mapToDouble(weights::get).sum();
    }

    /** Every criterion rated from the facts. */
    public List<Criterion> criteria(AccountFacts f) {
        PortfolioContext p = f.portfolio();
        Map<String, String> attributes = f.attributes();
        Double growth = Scales.number(attributes.get(growthAttribute));
        Double reference = Scales.number(attributes.get(referenceAttribute));
        Double complexity = Scales.number(attributes.get(complexityAttribute));
        return List.of(
                new Criterion(SALES_KIND, weights.get(SALES),
                        Scales.relative(f.annualSales(), p.largestSales(), moneyScale),
                        Inputs.money(f.annualSales(), f.currency())),
                new Criterion(MARGIN_KIND, weights.get(MARGIN),
                        Scales.relative(f.contributionMargin(), p.largestContributionMargin(), moneyScale),
                        Inputs.money(f.contributionMargin(), f.currency())),
                new Criterion(POTENTIAL_KIND, weights.get(POTENTIAL),
                        Scales.relative(f.potential(), p.largestPotential(), moneyScale),
                        Inputs.money(f.potential(), f.currency())),
                new Criterion(GROWTH_KIND, weights.get(GROWTH),
                        Scales.linear(growth, growthZero, growthFull), growth == null ? null : Inputs.number(growth) + " %"),
                new Criterion(REFERENCE_KIND, weights.get(REFERENCE),
                        Scales.fivePoint(reference), Inputs.number(reference)),
                new Criterion(COMPLEXITY_KIND,
                        weights.get(COMPLEXITY), Scales.fivePoint(complexity), Inputs.number(complexity)),
                new Criterion(SHARE_OF_WALLET_KIND, weights.get(SHARE_OF_WALLET),
                        Scales.ratio(f.shareOfWallet()), Inputs.percent(f.shareOfWallet())),
                new Criterion(COMPETITIVE_POSITION_KIND,
                        weights.get(COMPETITIVE_POSITION),
                        f.competitivePosition() == null ? null : f.competitivePosition().doubleValue(),
                        f.competitivePosition() == null ? null : f.competitivePosition().stripTrailingZeros().toPlainString()),
                new Criterion(RELATIONSHIP_STAGE_KIND, weights.get(RELATIONSHIP_STAGE),
                        Scales.stage(f.relationshipStage()), f.relationshipStage()));
    }

    /** One line per criterion with a weight, for the model description. */
    public List<String> describe() {
        String money = moneyScale == MoneyScale.LINEAR ? "100 x amount / largest" : "100 x sqrt(amount / largest)";
        Map<String, String> how = new LinkedHashMap<>();
        how.put(SALES, "annual sales against the largest of the unit's accounts, compared in the reporting currency "
                + "(a currency without an exchange rate only with its own): " + money);
        how.put(MARGIN, "contribution margin against the largest: " + money + "; a loss rates 0");
        how.put(POTENTIAL, "3-year available spend against the largest: " + money);
        how.put(GROWTH, "attribute '" + growthAttribute + "' (% per year): " + Inputs.number(growthZero)
                + " % rates 0, " + Inputs.number(growthFull) + " % rates 100, linear between");
        how.put(REFERENCE, "attribute '" + referenceAttribute + "' (1-5): 1 rates 0, 5 rates 100");
        how.put(COMPLEXITY, "attribute '" + complexityAttribute + "' (1-5): 1 rates 0, 5 rates 100");
        how.put(SHARE_OF_WALLET, "annual sales / (3-year potential / 3), as a percentage, capped at 100");
        how.put(COMPETITIVE_POSITION, "our value-weighted position on open opportunities (incumbent 100, top "
                + "supplier 67, challenger 33, outsider 0)");
        how.put(RELATIONSHIP_STAGE, "exploratory 0, basic 25, cooperative 50, interdependent 75, integrated 100");
        List<String> lines = new ArrayList<>();
        for (Axis axis : Axis.values()) {
            double total = axisWeight(axis);
            for (String id : axis == Axis.ATTRACTIVENESS ? ATTRACTIVENESS : STRENGTH) {
                double w = weights.get(id);
                if (w > 0) {
                    lines.add(axis.key() + "." + id + " (" + Inputs.number(Math.round(1000 * w / total) / 10.0)
                            + " % of " + axis.key() + "): " + how.get(id));
                }
            }
        }
        lines.add("unknown facts are left out and the known criteria's weights scale up");
        return lines;
    }

    /** {@code contribution-margin} as its configuration key {@code contributionMargin}. */
    static String camel(String id) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : id.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The parameters by their configuration keys, for the model description. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String id : ids()) {
            p.put("weight." + camel(id), Inputs.number(weights.get(id)));
        }
        p.put("money.scale", moneyScale.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        p.put("growth.attribute", growthAttribute);
        p.put("growth.zero", Inputs.number(growthZero));
        p.put("growth.full", Inputs.number(growthFull));
        p.put("reference.attribute", referenceAttribute);
        p.put("complexity.attribute", complexityAttribute);
        return p;
    }
}
