package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.scoring.AccountFacts;
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
 * Customer lifetime value {@code CLV = m * r / (1 + d - r)}: the margin per period {@code m} (the account's
 * annual contribution margin), the retention rate {@code r} and the discount rate {@code d} per year; e.g.
 * m = 100, r = 0.8, d = 0.1 gives 266.67. The score rates the CLV against the largest among the unit's accounts,
 * compared in the reporting currency ({@code 100 * CLV / largest CLV}; a negative CLV rates 0); the CLV itself is
 * the measure {@code customerLifetimeValue}.
 */
@Component(service = ScoringModel.class, configurationPid = LifetimeValueModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LifetimeValueModel.Config.class, factory = true)
public final class LifetimeValueModel implements ScoringModel {

    public static final String PID = "org.openkam.scoring.clv";
    public static final String ID = "customer-lifetime-value";
    static final String VERSION = "1.0.0";

    @ObjectClassDefinition(name = "OpenKAM scoring: customer lifetime value",
            description = "CLV = m * r / (1 + d - r) on the annual contribution margin. One configuration per "
                    + "business unit enables the model for that unit.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "Off: this configuration switches the model off for "
                + "its unit, also where a configuration for every unit (*) enables it; its other values are kept")
        boolean enabled() default true;

        @AttributeDefinition(name = "Retention rate (% per year)", description = "The chance the customer stays "
                + "another year", min = "0", max = "99.99")
        double retention_rate() default 80;

        @AttributeDefinition(name = "Discount rate (% per year)", min = "0", max = "100")
        double discount_rate() default 10;
    }

    private final BigDecimal retention;
    private final BigDecimal discount;

    @Activate
    public LifetimeValueModel(Config config) {
        this(config.retention_rate(), config.discount_rate());
    }

    /** Rates in percent per year. */
    public LifetimeValueModel(double retentionPercent, double discountPercent) {
        if (!(retentionPercent >= 0 && retentionPercent < 100)) {
            throw new IllegalArgumentException("the retention rate must be at least 0 and below 100 %");
        }
        if (!(discountPercent >= 0 && discountPercent <= 100)) {
            throw new IllegalArgumentException("the discount rate must be within 0..100 %");
        }
        this.retention = BigDecimal.valueOf(retentionPercent).movePointLeft(2);
        this.discount = BigDecimal.valueOf(discountPercent).movePointLeft(2);
    }

    /** {@code m * r / (1 + d - r)} with two decimals; {@code r} below 1 and {@code d} at least 0, as ratios. */
    public static BigDecimal clv(BigDecimal margin, BigDecimal retention, BigDecimal discount) {
        if (retention.signum() < 0 || retention.compareTo(BigDecimal.ONE) >= 0 || discount.signum() < 0) {
            throw new IllegalArgumentException("need 0 <= r < 1 and d >= 0");
        }
        BigDecimal denominator = BigDecimal.ONE.add(discount).subtract(retention);
        return margin.multiply(retention).divide(denominator, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
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
        parameters.put("retention.rate", Inputs.number(retention.doubleValue() * 100));
        parameters.put("discount.rate", Inputs.number(discount.doubleValue() * 100));
        return new ModelDescription("Customer lifetime value", "CLV = m * r / (1 + d - r) with the annual "
                + "contribution margin m, retention rate r = " + parameters.get("retention.rate") + " % and discount "
                + "rate d = " + parameters.get("discount.rate") + " %. The score is the CLV against the largest of the "
                + "unit's accounts, compared in the reporting currency.",
                List.of("m: the account's contribution margin of the last twelve months",
                        "score: 100 x CLV / largest CLV among the peers; a negative CLV rates 0",
                        "accounts without a known contribution margin are not scored"), parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        BigDecimal margin = facts.contributionMargin();
        if (margin == null) {
            return null;
        }
        BigDecimal value = clv(margin, retention, discount);
        BigDecimal largest = facts.portfolio().largestContributionMargin();
        BigDecimal best = largest == null ? null : clv(largest, retention, discount);
        double score = best == null || best.signum() <= 0 || value.signum() <= 0 ? 0
                : Math.min(100, 100 * value.doubleValue() / best.doubleValue());
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("customerLifetimeValue", value);
        String input = "m = " + Inputs.money(margin, facts.currency()) + " per year, CLV = "
                + Inputs.money(value, facts.currency()) + (best == null ? "" : ", largest CLV "
                + Inputs.money(best, facts.currency()));
        return Score.of(score, null, List.of(FactorContribution.of("customer-lifetime-value",
                "Customer lifetime value against the largest", input, score, 1)), measures);
    }
}
