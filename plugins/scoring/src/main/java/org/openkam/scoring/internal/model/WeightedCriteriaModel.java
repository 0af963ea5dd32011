package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.Rounding;
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
 * Weighted criteria: customer attractiveness and our strength, each the weighted mean of its criteria
 * ({@link CriteriaSettings}), combined as {@code share * attractiveness + (1 - share) * strength}. One factory
 * configuration per business unit enables it for that unit with its own weights.
 */
@Component(service = ScoringModel.class, configurationPid = WeightedCriteriaModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WeightedCriteriaModel.Config.class, factory = true)
public final class WeightedCriteriaModel implements ScoringModel {

    public static final String PID = "org.openkam.scoring.weighted";
    public static final String ID = "weighted-criteria";
    static final String VERSION = "1.0.0";

    @ObjectClassDefinition(name = "OpenKAM scoring: weighted criteria",
            description = "Rates customer attractiveness and our strength by weighted criteria. One configuration "
                    + "per business unit enables the model for that unit with these weights.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "Off: this configuration switches the model off for "
                + "its unit, also where a configuration for every unit (*) enables it; its other values are kept")
        boolean enabled() default true;

        @AttributeDefinition(name = "Attractiveness share (%)", description = "How much attractiveness counts in "
                + "the score; strength counts the rest", min = "0", max = "100")
        double attractiveness_share() default 50;

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

        @AttributeDefinition(name = "Amount scale", description = "How sales, margin and potential are rated "
                + "against the largest account", options = {@Option(label = "Square root", value = "square-root"),
                    @Option(label = "Linear", value = "linear")})
        String money_scale() default "square-root";

        @AttributeDefinition(name = "Growth attribute", description = "Custom attribute with the growth in % per year")
        String growth_attribute() default "growth";

        @AttributeDefinition(name = "Growth rating 0 (%)")
        double growth_zero() default -10;

        @AttributeDefinition(name = "Growth rating 100 (%)")
        double growth_full() default 20;

        @AttributeDefinition(name = "Reference value attribute", description = "Custom attribute rating the "
                + "customer's value as a reference or multiplier, 1 to 5")
        String reference_attribute() default "referenceValue";

        @AttributeDefinition(name = "Structure complexity attribute", description = "Custom attribute rating the "
                + "complexity of the customer's structure (sites, countries, buying influences), 1 to 5")
        String complexity_attribute() default "structureComplexity";
    }

    private final CriteriaSettings settings;
    private final double attractivenessShare;

    @Activate
    public WeightedCriteriaModel(Config config) {
        this(settings(config), config.attractiveness_share() / 100);
    }

    public WeightedCriteriaModel(CriteriaSettings settings, double attractivenessShare) {
        if (!(attractivenessShare >= 0 && attractivenessShare <= 1)) {
            throw new IllegalArgumentException("the attractiveness share must be within 0..100 %");
        }
        if (settings.axisWeight(Criterion.Axis.ATTRACTIVENESS) + settings.axisWeight(Criterion.Axis.STRENGTH) == 0) {
            throw new IllegalArgumentException("at least one criterion needs a weight above 0");
        }
        this.settings = settings;
        this.attractivenessShare = attractivenessShare;
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
        parameters.put("attractiveness.share", Inputs.number(attractivenessShare * 100));
        parameters.putAll(settings.parameters());
        return new ModelDescription("Weighted criteria", "Customer attractiveness and our strength, each the "
                + "weighted mean of its criteria from 0 to 100; the score combines them, attractiveness counting "
                + Inputs.number(attractivenessShare * 100) + " %.", settings.describe(), parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        CriteriaRating rating = CriteriaRating.of(settings.criteria(facts), attractivenessShare);
        if (rating.overall() == null) {
            return null;
        }
        return Score.of(rating.overall(), null, rating.contributions(), axes(rating));
    }

    /** The known axis ratings as measures, one decimal. */
    static Map<String, BigDecimal> axes(CriteriaRating rating) {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        if (rating.attractiveness() != null) {
            measures.put("attractiveness", oneDecimal(rating.attractiveness()));
        }
        if (rating.strength() != null) {
            measures.put("strength", oneDecimal(rating.strength()));
        }
        return measures;
    }

    static BigDecimal oneDecimal(double value) {
        return Rounding.halfUp(value, 1);
    }
}
