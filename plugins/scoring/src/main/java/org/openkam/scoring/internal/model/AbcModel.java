package org.openkam.scoring.internal.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.scoring.AccountFacts;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.ModelDescription;
import org.openkam.api.scoring.PortfolioContext;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * ABC (Pareto) analysis on sales. The unit's accounts of one currency are ranked by sales, largest first; an
 * account is A while the accounts ranked above it make less than the A cut-off (80 %) of the total, B while
 * they make less than the B cut-off (95 %), else C. So the account that crosses a line still belongs to the
 * better class: with sales 50, 30, 15 and 5 the cumulative shares are 50, 80, 95 and 100 %, and the classes A,
 * A, B, C; with sales 90, 5 and 5 the first account alone is A. The score is the share of total sales made by
 * the account and every smaller one (100 for the largest account).
 */
@Component(service = ScoringModel.class, configurationPid = AbcModel.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AbcModel.Config.class, factory = true)
public final class AbcModel implements ScoringModel {

    public static final String PID = "org.openkam.scoring.abc";
    public static final String ID = "abc-analysis";
    static final String VERSION = "1.0.0";

    @ObjectClassDefinition(name = "OpenKAM scoring: ABC analysis",
            description = "Pareto classes on sales. One configuration per business unit enables the model for that unit.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "Off: this configuration switches the model off for "
                + "its unit, also where a configuration for every unit (*) enables it; its other values are kept")
        boolean enabled() default true;

        @AttributeDefinition(name = "A cut-off (% of cumulative sales)", min = "0", max = "100")
        double a_cutoff() default 80;

        @AttributeDefinition(name = "B cut-off (% of cumulative sales)", description = "B takes the accounts between "
                + "the A and the B cut-off (by default the next 15 %)", min = "0", max = "100")
        double b_cutoff() default 95;
    }

    /** The classes. */
    public enum AbcClass {
        A("Key account candidates: personal coverage by a key account manager and senior contacts."),
        B("Regular coverage by field sales; watch for growth into A."),
        C("Efficient coverage: inside sales, e-commerce or distributors.");

        private final String recommendation;

        AbcClass(String recommendation) {
            this.recommendation = recommendation;
        }
    }

    private final BigDecimal aCutoff;
    private final BigDecimal bCutoff;

    @Activate
    public AbcModel(Config config) {
        this(config.a_cutoff(), config.b_cutoff());
    }

    /** Cut-offs in percent of cumulative sales. */
    public AbcModel(double aPercent, double bPercent) {
        if (!(0 < aPercent && aPercent <= bPercent && bPercent <= 100)) {
            throw new IllegalArgumentException("cut-offs must satisfy 0 < A <= B <= 100 (%)");
        }
        this.aCutoff = BigDecimal.valueOf(aPercent).movePointLeft(2);
        this.bCutoff = BigDecimal.valueOf(bPercent).movePointLeft(2);
    }

    /** The class of an account whose higher-ranked peers make {@code shareBefore} (0 to 1) of total sales. */
    public static AbcClass classify(BigDecimal shareBefore, BigDecimal aCutoff, BigDecimal bCutoff) {
        if (shareBefore.compareTo(aCutoff) < 0) {
            return AbcClass.A;
        }
        return shareBefore.compareTo(bCutoff) < 0 ? AbcClass.B : AbcClass.C;
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
        String a = Inputs.number(aCutoff.doubleValue() * 100);
        String b = Inputs.number(bCutoff.doubleValue() * 100);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("a.cutoff", a);
        parameters.put("b.cutoff", b);
        return new ModelDescription("ABC analysis", "Pareto classes on annual sales among the unit's accounts, "
                + "compared in the reporting currency: A up to " + a + " % of cumulative sales, B up to " + b
                + " %, C the rest. The score is the share of sales made by the account and every smaller one.",
                List.of("sales rank: accounts ordered by annual sales, largest first (ties by id)",
                        "class: A while the larger accounts make less than " + a + " % of the total, B while they make "
                                + "less than " + b + " %, else C; the account crossing a line belongs to the better class",
                        "accounts without known sales are not classified"), parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        PortfolioContext p = facts.portfolio();
        BigDecimal before = p.cumulativeSalesShareBefore();
        if (p.salesRank() == 0 || before == null || p.totalSales() == null || p.totalSales().signum() <= 0) {
            return null;
        }
        AbcClass abc = classify(before, aCutoff, bCutoff);
        double score = 100 * (1 - before.doubleValue());
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("salesRank", BigDecimal.valueOf(p.salesRank()));
        measures.put("salesShare", percent(p.salesShare()));
        measures.put("cumulativeSalesShare", percent(p.cumulativeSalesShare()));
        String input = Inputs.money(facts.annualSales(), facts.currency()) + ", rank " + p.salesRank() + " of "
                + p.peers() + ", cumulative " + Inputs.percent(p.cumulativeSalesShare()) + " of "
                + Inputs.money(p.totalSales(), facts.currency());
        return Score.of(score, new Classification(abc.name(), label(abc), abc.recommendation),
                List.of(FactorContribution.of("sales", "Annual sales against the unit's total", input, score, 1)),
                measures);
    }

    private String label(AbcClass abc) {
        String a = Inputs.number(aCutoff.doubleValue() * 100);
        String b = Inputs.number(bCutoff.doubleValue() * 100);
        return switch (abc) {
            case A -> "A: among the accounts making the first " + a + " % of sales";
            case B -> "B: among the accounts making the sales from " + a + " to " + b + " %";
            case C -> "C: among the accounts making the last " + Inputs.number(100 - bCutoff.doubleValue() * 100)
                    + " % of sales";
        };
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
