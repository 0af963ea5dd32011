package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The portfolio matrix: attractiveness and strength rated by the weighted criteria ({@link CriteriaSettings},
 * the same configuration keys as {@link WeightedCriteriaModel}), placed in the configured scheme's cell with
 * its recommended strategy ({@link PortfolioGrid}). The score is the mean of both axes, the account's place
 * along the matrix diagonal; the measures {@code attractiveness} and {@code strength} are its coordinates.
 * An account is placed only when both axes are known.
 */
@Component(service = ScoringModel.class, configurationPid = PortfolioMatrixModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PortfolioMatrixModel.Config.class, factory = true)
public final class PortfolioMatrixModel implements ScoringModel {

    public static final String PID = "org.openkam.scoring.matrix";
    public static final String ID = "portfolio-matrix";
    static final String VERSION = "1.0.0";

    @ObjectClassDefinition(name = "OpenKAM scoring: portfolio matrix",
            description = "Places accounts in a matrix of customer attractiveness and our relative strength, with "
                    + "the recommended strategy per cell. One configuration per business unit enables the model "
                    + "for that unit. The criteria keys are those of the weighted criteria model.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "Off: this configuration switches the model off for "
                + "its unit, also where a configuration for every unit (*) enables it; its other values are kept")
        boolean enabled() default true;

        @AttributeDefinition(name = "Scheme", options = {
            @Option(label = "Millman-Wilson grid (3x3, five strategies)", value = "millman-wilson"),
            @Option(label = "Four-box (strategic, star, status, streamline)", value = "four-box")})
        String scheme() default "millman-wilson";

        @AttributeDefinition(name = "Grid: lower line", description = "Millman-Wilson: an axis below it is low",
                min = "0", max = "100")
        double grid_lower() default 33.3;

        @AttributeDefinition(name = "Grid: upper line", description = "Millman-Wilson: an axis from it on is high",
                min = "0", max = "100")
        double grid_upper() default 66.7;

        @AttributeDefinition(name = "Four-box: threshold", description = "Four-box: an axis from it on is high",
                min = "0", max = "100")
        double fourBox_threshold() default 50;

        @AttributeDefinition(name = "Weight: annual sales", min = "0")
        double weight_sales() default 20;

        @AttributeDefinition(name = "Weight: contribution margin", min = "0")
        double weight_contributionMargin() default 20;

        @AttributeDefinition(name = "Weight: future potential", min = "0")
        double weight_potential() default 20;

        @AttributeDefinition(name = "Weight: growth", min = "0")
        double weight_growth() default 15;

        @AttributeDefinition(name = "Weight: value as a reference or multiplier", min = "0")
        double weight_referenceValue() default 15;

        @AttributeDefinition(name = "Weight: complexity of the customer's structure", min = "0")
        double weight_structureComplexity() default 10;

        @AttributeDefinition(name = "Weight: share of wallet", min = "0")
        double weight_shareOfWallet() default 40;

        @AttributeDefinition(name = "Weight: competitive position", min = "0")
        double weight_competitivePosition() default 35;

        @AttributeDefinition(name = "Weight: relationship stage", min = "0")
        double weight_relationshipStage() default 25;

        @AttributeDefinition(name = "Amount scale", options = {@Option(label = "Square root", value = "square-root"),
            @Option(label = "Linear", value = "linear")})
        String money_scale() default "square-root";

        @AttributeDefinition(name = "Growth attribute")
        String growth_attribute() default "growth";

        @AttributeDefinition(name = "Growth rating 0 (%)")
        double growth_zero() default -10;

        @AttributeDefinition(name = "Growth rating 100 (%)")
        double growth_full() default 20;

        @AttributeDefinition(name = "Reference value attribute")
        String reference_attribute() default "referenceValue";

        @AttributeDefinition(name = "Structure complexity attribute")
        String complexity_attribute() default "structureComplexity";
    }

    private final CriteriaSettings settings;
    private final PortfolioGrid.Scheme scheme;
    private final double lower;
    private final double upper;
    private final double threshold;

    @Activate
    public PortfolioMatrixModel(Config c) {
        this(settings(c), PortfolioGrid.Scheme.of(c.scheme()), c.grid_lower(), c.grid_upper(), c.fourBox_threshold());
    }

    public PortfolioMatrixModel(CriteriaSettings settings, PortfolioGrid.Scheme scheme, double lower, double upper,
            double threshold) {
        if (settings.axisWeight(Criterion.Axis.ATTRACTIVENESS) == 0 || settings.axisWeight(Criterion.Axis.STRENGTH) == 0) {
            throw new IllegalArgumentException("both axes need a criterion with a weight above 0");
        }
        if (!(0 <= lower && lower < upper && upper <= 100)) {
            throw new IllegalArgumentException("grid lines must satisfy 0 <= lower < upper <= 100");
        }
        if (!(threshold >= 0 && threshold <= 100)) {
            throw new IllegalArgumentException("the four-box threshold must be within 0..100");
        }
        this.settings = settings;
        this.scheme = scheme;
        this.lower = lower;
        this.upper = upper;
        this.threshold = threshold;
    }

    static CriteriaSettings settings(Config c) {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(CriteriaSettings.SALES, c.weight_sales());
        w.put(CriteriaSettings.MARGIN, c.weight_contributionMargin());
        w.put(CriteriaSettings.POTENTIAL, c.weight_potential());
        w.put(CriteriaSettings.GROWTH, c.weight_growth());
        w.put(CriteriaSettings.REFERENCE, c.weight_referenceValue());
        w.put(CriteriaSettings.COMPLEXITY, c.weight_structureComplexity());
        w.put(CriteriaSettings.SHARE_OF_WALLET, c.weight_shareOfWallet());
        w.put(CriteriaSettings.COMPETITIVE_POSITION, c.weight_competitivePosition());
        w.put(CriteriaSettings.RELATIONSHIP_STAGE, c.weight_relationshipStage());
        return new CriteriaSettings(w, MoneyScales.of(c.money_scale()), c.growth_attribute(), c.growth_zero(),
                c.growth_full(), c.reference_attribute(), c.complexity_attribute());
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
        parameters.put("scheme", scheme.key());
        if (scheme == PortfolioGrid.Scheme.MILLMAN_WILSON) {
            parameters.put("grid.lower", Inputs.number(lower));
            parameters.put("grid.upper", Inputs.number(upper));
        } else {
            parameters.put("fourBox.threshold", Inputs.number(threshold));
        }
        parameters.putAll(settings.parameters());
        String cells = scheme == PortfolioGrid.Scheme.MILLMAN_WILSON
                ? "a 3x3 grid (low below " + Inputs.number(lower) + ", high from " + Inputs.number(upper)
                        + ") with the strategies invest for growth, invest selectively, maintain, manage for cash "
                        + "and withdraw"
                : "four boxes (high from " + Inputs.number(threshold) + "): strategic, star, status, streamline";
        return new ModelDescription("Portfolio matrix", "Places the account by customer attractiveness and our "
                + "relative strength in " + cells + "; the score is the mean of both axes.", settings.describe(),
                parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        CriteriaRating rating = CriteriaRating.of(settings.criteria(facts), 0.5);
        if (rating.attractiveness() == null || rating.strength() == null) {
            return null;
        }
        Map<String, BigDecimal> axes = WeightedCriteriaModel.axes(rating);
        // placed by the rounded coordinates the explanation shows
        double a = axes.get("attractiveness").doubleValue();
        double s = axes.get("strength").doubleValue();
        Classification cell = scheme == PortfolioGrid.Scheme.MILLMAN_WILSON
                ? PortfolioGrid.millmanWilson(a, s, lower, upper) : PortfolioGrid.fourBox(a, s, threshold);
        return Score.of(rating.overall(), cell, rating.contributions(), axes);
    }
}
