package ${package};

import java.math.BigDecimal;
import java.math.MathContext;
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
 * Margin quality: the account's contribution margin rate ({@code margin / sales}) against a target rate. A rate
 * at or above the target scores 100, a rate of 0 or below scores 0, linear between; accounts without known
 * sales (or with none) or without a known margin are not scored.
 *
 * <p>Replace the formula with your own; keep the rules of {@link ScoringModel}: a pure, fast function of the
 * facts, unknown facts ({@code null}) left out rather than read as zero, and a new {@link #VERSION} whenever the
 * formula or its defaults change.
 *
 * <p>One instance per factory configuration: {@code etc/${package}.margin-<name>.cfg} with
 * {@code businessUnit=<unit>} enables the model for that unit with that file's parameters.
 */
@Component(service = ScoringModel.class, configurationPid = MarginQualityModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MarginQualityModel.Config.class, factory = true)
public final class MarginQualityModel implements ScoringModel {

    /** The factory PID: configuration files are named {@code <PID>-<name>.cfg}. */
    public static final String PID = "${package}.margin";
    /** Stored with every score: never change it once scores exist. */
    public static final String ID = "${modelId}";
    /** Raise it whenever the formula or its defaults change. */
    public static final String VERSION = "1.0.0";

    @ObjectClassDefinition(name = "${modelId}: margin quality",
            description = "The contribution margin rate against a target rate. One configuration per business "
                    + "unit enables the model for that unit.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this "
                + "configuration enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Target margin rate (%)", description = "The margin rate that scores 100",
                min = "0.1", max = "100")
        double target_rate() default 30;
    }

    private final double targetPercent;

    @Activate
    public MarginQualityModel(Config config) {
        this(config.target_rate());
    }

    /** @param targetPercent the margin rate that scores 100, above 0 and at most 100 % */
    public MarginQualityModel(double targetPercent) {
        if (!(targetPercent > 0 && targetPercent <= 100)) {
            throw new IllegalArgumentException("target.rate must be above 0 and at most 100 (%), not " + targetPercent);
        }
        this.targetPercent = targetPercent;
    }

    /** {@code 100 * margin / sales}, two decimals. */
    public static BigDecimal marginRate(BigDecimal margin, BigDecimal sales) {
        return margin.multiply(BigDecimal.valueOf(100)).divide(sales, MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
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
        parameters.put("target.rate", BigDecimal.valueOf(targetPercent).stripTrailingZeros().toPlainString());
        return new ModelDescription("Margin quality", "The contribution margin rate against a target of "
                + parameters.get("target.rate") + " %.",
                List.of("margin rate: contribution margin / annual sales, in percent",
                        "score: 100 x rate / target, between 0 and 100",
                        "accounts without known sales or margin are not scored"),
                parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        BigDecimal sales = facts.annualSales();
        BigDecimal margin = facts.contributionMargin();
        if (sales == null || margin == null || sales.signum() <= 0) {
            return null;
        }
        BigDecimal rate = marginRate(margin, sales);
        double value = Math.max(0, Math.min(100, 100 * rate.doubleValue() / targetPercent));
        Classification band = value >= 100
                ? new Classification("on-target", "At or above the target margin", null)
                : new Classification("below-target", "Below the target margin",
                        "Review prices, discounts and cost to serve.");
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("marginRate", rate);
        return Score.of(value, band, List.of(FactorContribution.of("margin-rate", "Contribution margin rate",
                rate.stripTrailingZeros().toPlainString() + " %", value, 1)), measures);
    }
}
