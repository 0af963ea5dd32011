package com.example.kam.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Growth potential: how much more the customer could buy from us, and how well placed we are to win it.
 *
 * <ul>
 * <li><b>Headroom</b>: the customer's annual spend that goes to others, {@code potential / 3 - sales} (the
 * potential covers three years), at least 0. Rated against current sales: a headroom of {@code saturation} times
 * the sales or more rates 100, none rates 0, linear between. An account without sales but with headroom rates
 * 100.</li>
 * <li><b>Competitive position</b> on the open opportunities, 0..100 as the engine reports it.</li>
 * </ul>
 * The score is {@code weight * headroom rating + (1 - weight) * position}; with the position unknown the headroom
 * carries the whole score and the position is listed with weight 0. Accounts without known sales or potential are
 * not scored. Classes: {@code grow} from 60, {@code develop} from 30, {@code hold} below.
 *
 * <p>One DS component instance per factory configuration ({@code etc/com.example.kam.scoring.growth-<name>.cfg}
 * with {@code businessUnit=<unit>}): the configuration's properties become the service properties, so the
 * engine enables each instance for its unit with its own parameters. Without any configuration one instance runs
 * that is listed but enabled nowhere.
 */
@Component(service = ScoringModel.class, configurationPid = GrowthPotentialModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GrowthPotentialModel.Config.class, factory = true)
public final class GrowthPotentialModel implements ScoringModel {

    /** The factory PID: configuration files are named {@code com.example.kam.scoring.growth-<name>.cfg}. */
    public static final String PID = "com.example.kam.scoring.growth";
    /** Vendor prefix, then the model's name. */
    public static final String ID = "example.growth-potential";
    /** Raise it whenever the formula or its defaults change: stored scores keep the version that made them. */
    public static final String VERSION = "1.0.0";
    static final double GROW_FROM = 60;
    static final double DEVELOP_FROM = 30;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    @ObjectClassDefinition(name = "Example scoring: growth potential",
            description = "Headroom (annual spend going to others, against our sales) and competitive position. "
                    + "One configuration per business unit enables the model for that unit.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Headroom weight (%)", description = "The headroom's share of the score; the "
                + "competitive position has the rest", min = "0", max = "100")
        double headroom_weight() default 70;

        @AttributeDefinition(name = "Headroom saturation", description = "The headroom, as a multiple of current "
                + "sales, that rates 100", min = "0.01")
        double headroom_saturation() default 2;
    }

    private final double weight;
    private final double saturation;

    @Activate
    public GrowthPotentialModel(Config config) {
        this(config.headroom_weight(), config.headroom_saturation());
    }

    /**
     * @param weightPercent the headroom's share of the score, 0..100 %
     * @param saturation the headroom, as a multiple of sales, that rates 100; above 0
     */
    public GrowthPotentialModel(double weightPercent, double saturation) {
        if (!(weightPercent >= 0 && weightPercent <= 100)) {
            throw new IllegalArgumentException("headroom.weight must be within 0..100 (%), not " + weightPercent);
        }
        if (!(saturation > 0 && Double.isFinite(saturation))) {
            throw new IllegalArgumentException("headroom.saturation must be above 0, not " + saturation);
        }
        this.weight = weightPercent / 100;
        this.saturation = saturation;
    }

    /** The annual spend that goes to others: {@code potential / 3 - sales}, at least 0, two decimals. */
    public static BigDecimal headroom(BigDecimal annualSales, BigDecimal threeYearPotential) {
        BigDecimal rest = threeYearPotential.divide(THREE, 2, RoundingMode.HALF_UP).subtract(annualSales);
        return rest.signum() < 0 ? BigDecimal.ZERO.setScale(2) : rest.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The headroom's rating, 0..100: {@code 100 * (headroom / sales) / saturation}, capped at 100; 100 for a
     * headroom without sales, 0 without headroom.
     */
    public static double headroomRating(BigDecimal headroom, BigDecimal annualSales, double saturation) {
        if (headroom.signum() <= 0) {
            return 0;
        }
        if (annualSales.signum() <= 0) {
            return 100;
        }
        return Math.min(100, 100 * headroom.doubleValue() / annualSales.doubleValue() / saturation);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public ModelDescription description() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("headroom.weight", number(weight * 100));
        parameters.put("headroom.saturation", number(saturation));
        return new ModelDescription("Growth potential (example)", "How much more the customer could buy from us "
                + "and how well placed we are to win it: headroom " + number(weight * 100) + " %, competitive "
                + "position " + number(100 - weight * 100) + " %.",
                List.of("headroom: potential / 3 - annual sales (the annual spend going to others); "
                                + number(saturation) + " x the sales or more rates 100, none rates 0",
                        "competitive position on the open opportunities, 0..100; when unknown the headroom "
                                + "carries the whole score",
                        "class: grow from " + number(GROW_FROM) + ", develop from " + number(DEVELOP_FROM)
                                + ", hold below",
                        "accounts without known sales or potential are not scored"), parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        BigDecimal sales = facts.annualSales();
        BigDecimal potential = facts.potential();
        if (sales == null || potential == null || potential.signum() <= 0) {
            return null;
        }
        BigDecimal headroom = headroom(sales, potential);
        double headroomRating = headroomRating(headroom, sales, saturation);
        BigDecimal position = facts.competitivePosition();
        double headroomWeight = position == null ? 1 : weight;
        double positionWeight = position == null ? 0 : 1 - weight;
        double value = headroomWeight * headroomRating + (position == null ? 0 : positionWeight * position.doubleValue());

        String currency = facts.currency() == null ? "" : " " + facts.currency();
        String headroomInput = headroom.stripTrailingZeros().toPlainString() + currency + " a year to others, "
                + (sales.signum() > 0 ? number(100 * headroom.doubleValue() / sales.doubleValue()) + " % of sales"
                        : "no sales yet");
        List<FactorContribution> contributions = List.of(
                FactorContribution.of("headroom", "Annual spend going to others, against our sales", headroomInput,
                        headroomRating, headroomWeight),
                FactorContribution.of("competitive-position", "Our position on the open opportunities",
                        position == null ? null : number(position.doubleValue()) + " of 100",
                        position == null ? null : position.doubleValue(), positionWeight));
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("headroom", headroom);
        return Score.of(value, classify(value), contributions, measures);
    }

    /** The class of a score: grow from 60, develop from 30, hold below (compared after rounding to one decimal). */
    static Classification classify(double value) {
        double shown = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
        if (shown >= GROW_FROM) {
            return new Classification("grow", "Grow", "Invest: a large share of the customer's spend goes to others "
                    + "and we are placed to win it.");
        }
        if (shown >= DEVELOP_FROM) {
            return new Classification("develop", "Develop", "Qualify where the headroom is and build the position "
                    + "before investing.");
        }
        return new Classification("hold", "Hold", "Serve efficiently: little spend to win, or little chance to "
                + "win it.");
    }

    /** A number for people: no trailing zeros, at most two decimals. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
