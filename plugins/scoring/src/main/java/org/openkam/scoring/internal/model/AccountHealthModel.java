package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
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
 * Account health: the mean of the known components, each 0 to 100.
 * <ul>
 * <li><b>relationship</b>: the mean of the known of the relationship stage's rating (exploratory 0, basic 25,
 * cooperative 50, interdependent 75, integrated 100) and contact freshness (100 up to the freshness window since
 * the last activity, falling linearly to 0 at twice the window);</li>
 * <li><b>task</b>: the completion of the active account plan's actions, in percent;</li>
 * <li><b>value</b>: the mean of the known of the share of wallet (in percent, capped at 100) and the margin rate
 * against its target ({@code 100 * (margin / sales) / target}, capped at 100, a loss rates 0).</li>
 * </ul>
 * An unknown component is left out; with no component known the account is not scored. The band is taken from
 * the score rounded to a whole number: high from 67, medium 34 to 66, low up to 33.
 */
@Component(service = ScoringModel.class, configurationPid = AccountHealthModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AccountHealthModel.Config.class, factory = true)
public final class AccountHealthModel implements ScoringModel {

    public static final String PID = "org.openkam.scoring.health";
    public static final String ID = "account-health";
    static final String VERSION = "1.0.0";

    @ObjectClassDefinition(name = "OpenKAM scoring: account health",
            description = "The mean of relationship, task and value components. One configuration per business "
                    + "unit enables the model for that unit.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "Off: this configuration switches the model off for "
                + "its unit, also where a configuration for every unit (*) enables it; its other values are kept")
        boolean enabled() default true;

        @AttributeDefinition(name = "Freshness window (days)", description = "Contact within this many days is "
                + "fully fresh; freshness falls to 0 at twice the window", min = "1")
        int freshness_window() default 90;

        @AttributeDefinition(name = "Target margin rate (%)", description = "The contribution margin rate that "
                + "rates 100 in the value component", min = "0.1", max = "100")
        double margin_target() default 30;
    }

    /** The health bands. */
    public enum Band {
        HIGH, MEDIUM, LOW
    }

    private final int window;
    private final double marginTarget;

    @Activate
    public AccountHealthModel(Config config) {
        this(config.freshness_window(), config.margin_target());
    }

    public AccountHealthModel(int freshnessWindowDays, double marginTargetPercent) {
        if (freshnessWindowDays < 1) {
            throw new IllegalArgumentException("the freshness window must be at least one day");
        }
        if (!(marginTargetPercent > 0 && marginTargetPercent <= 100)) {
            throw new IllegalArgumentException("the target margin rate must be above 0 and at most 100 %");
        }
        this.window = freshnessWindowDays;
        this.marginTarget = marginTargetPercent;
    }

    /** The band of a score: by its value rounded half up to a whole number, high from 67, low up to 33. */
    public static Band band(BigDecimal score) {
        int whole = score.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return whole >= 67 ? Band.HIGH : whole >= 34 ? Band.MEDIUM : Band.LOW;
    }

    /** The mean of the known values, or {@code null} if none is known. */
    public static Double mean(Double... values) {
        double sum = 0;
        int known = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                known++;
            }
        }
        return known == 0 ? null : sum / known;
    }

    /** {@code 100 * (margin / sales) / target}, capped at 100, 0 for a loss; {@code null} without positive sales. */
    public static Double marginRating(BigDecimal margin, BigDecimal sales, double targetPercent) {
        if (margin == null || sales == null || sales.signum() <= 0) {
            return null;
        }
        return Scales.clamp(100 * (margin.doubleValue() / sales.doubleValue()) / (targetPercent / 100));
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
        parameters.put("freshness.window", Integer.toString(window));
        parameters.put("margin.target", Inputs.number(marginTarget));
        return new ModelDescription("Account health", "The mean of the known relationship, task and value "
                + "components; high from 67, medium 34 to 66, low up to 33.",
                List.of("relationship: mean of the stage rating (exploratory 0 ... integrated 100) and contact "
                                + "freshness (100 within " + window + " days of the last activity, 0 at " + 2 * window + ")",
                        "task: completion of the active account plan's actions, %",
                        "value: mean of share of wallet (%, capped at 100) and margin rate against "
                                + Inputs.number(marginTarget) + " %",
                        "unknown components are left out; with none known the account is not scored"), parameters);
    }

    @Override
    public Score score(AccountFacts f) {
        Double stage = Scales.stage(f.relationshipStage());
        Double freshness = Scales.freshness(f.daysSinceLastActivity(), window);
        Double relationship = mean(stage, freshness);
        Double task = f.planCompletion() == null ? null : f.planCompletion().doubleValue();
        Double wallet = Scales.ratio(f.shareOfWallet());
        Double margin = marginRating(f.contributionMargin(), f.annualSales(), marginTarget);
        Double value = mean(wallet, margin);
        Double health = mean(relationship, task, value);
        if (health == null) {
            return null;
        }
        int known = (relationship == null ? 0 : 1) + (task == null ? 0 : 1) + (value == null ? 0 : 1);
        List<FactorContribution> contributions = new ArrayList<>();
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        component(contributions, measures, "relationship", "Relationship (stage, contact freshness)", relationship,
                known, join("stage " + f.relationshipStage(), stage, "last activity " + f.daysSinceLastActivity()
                        + " day(s) ago", freshness));
        component(contributions, measures, "task", "Task (account plan completion)", task, known,
                task == null ? null : Inputs.number(task) + " % of plan actions done");
        component(contributions, measures, "value", "Value (share of wallet, margin rate)", value, known,
                join("share of wallet " + Inputs.percent(f.shareOfWallet()), wallet, "margin rate "
                        + (f.annualSales() == null || f.annualSales().signum() <= 0 || f.contributionMargin() == null
                                ? null : Inputs.percent(f.contributionMargin().divide(f.annualSales(), 4,
                                        RoundingMode.HALF_UP))), margin));
        Score draft = Score.of(health, null, contributions, measures);
        Band band = band(draft.value());
        Classification c = switch (band) {
            case HIGH -> new Classification("high", "Healthy account", "Keep the rhythm: review the plan as scheduled.");
            case MEDIUM -> new Classification("medium", "Account needs attention",
                    "Check the weakest component: relationship, plan execution or value.");
            case LOW -> new Classification("low", "Account at risk",
                    "Act now: contact the decision makers, update the plan and review the value we deliver.");
        };
        return new Score(draft.value(), c, contributions, measures);
    }

    private static void component(List<FactorContribution> contributions, Map<String, BigDecimal> measures,
            String id, String label, Double value, int known, String input) {
        if (value == null) {
            contributions.add(FactorContribution.of(id, label + " (unknown, left out)", null, null, 0));
        } else {
            contributions.add(FactorContribution.of(id, label, input, value, 1.0 / known));
            measures.put(id, BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
        }
    }

    /** The parts whose rating is known, e.g. {@code stage cooperative; last activity 12 day(s) ago}. */
    private static String join(String first, Double firstRating, String second, Double secondRating) {
        List<String> parts = new ArrayList<>();
        if (firstRating != null) {
            parts.add(first);
        }
        if (secondRating != null) {
            parts.add(second);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
