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
import org.openkam.api.scoring.Rounding;
import org.openkam.api.scoring.Score;
import org.openkam.api.scoring.ScoringModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Share of wallet = sales / total available spend, both per year ({@link AccountFacts#shareOfWallet()}: the
 * potential covers three years). The score is the share in percent, capped at 100; the class is low below the
 * low band (25 %), high from the high band (60 %), medium between. The measure {@code headroom} is the annual
 * spend that goes to competitors ({@code potential / 3 - sales}, at least 0).
 */
@Component(service = ScoringModel.class, configurationPid = ShareOfWalletModel.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ShareOfWalletModel.Config.class, factory = true)
public final class ShareOfWalletModel implements ScoringModel {

    public static final String PID = "org.openkam.scoring.wallet";
    public static final String ID = "share-of-wallet";
    static final String VERSION = "1.0.0";
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    @ObjectClassDefinition(name = "OpenKAM scoring: share of wallet",
            description = "Our sales against the customer's available spend. One configuration per business unit "
                    + "enables the model for that unit.")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit this configuration "
                + "enables the model for; * for every unit without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Enabled", description = "Off: this configuration switches the model off for "
                + "its unit, also where a configuration for every unit (*) enables it; its other values are kept")
        boolean enabled() default true;

        @AttributeDefinition(name = "Low below (%)", min = "0", max = "100")
        double band_low() default 25;

        @AttributeDefinition(name = "High from (%)", min = "0", max = "100")
        double band_high() default 60;
    }

    private final double low;
    private final double high;

    @Activate
    public ShareOfWalletModel(Config config) {
        this(config.band_low(), config.band_high());
    }

    public ShareOfWalletModel(double lowPercent, double highPercent) {
        if (!(0 <= lowPercent && lowPercent < highPercent && highPercent <= 100)) {
            throw new IllegalArgumentException("bands must satisfy 0 <= low < high <= 100 (%)");
        }
        this.low = lowPercent;
        this.high = highPercent;
    }

    /** The annual spend that goes to others: {@code potential / 3 - sales}, at least 0, two decimals. */
    public static BigDecimal headroom(BigDecimal annualSales, BigDecimal threeYearPotential) {
        BigDecimal rest = threeYearPotential.divide(THREE, 2, RoundingMode.HALF_UP).subtract(annualSales);
        return rest.signum() < 0 ? BigDecimal.ZERO.setScale(2) : rest.setScale(2, RoundingMode.HALF_UP);
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
        parameters.put("band.low", Inputs.number(low));
        parameters.put("band.high", Inputs.number(high));
        return new ModelDescription("Share of wallet", "Annual sales against the customer's annual available spend "
                + "(a third of the 3-year potential), in percent.",
                List.of("share of wallet: annual sales / (potential / 3), capped at 100 %",
                        "class: low below " + Inputs.number(low) + " %, high from " + Inputs.number(high)
                                + " %, medium between",
                        "headroom: potential / 3 - annual sales, the annual spend that goes to competitors",
                        "accounts without known sales or potential are not scored"), parameters);
    }

    @Override
    public Score score(AccountFacts facts) {
        BigDecimal share = facts.shareOfWallet();
        if (share == null) {
            return null;
        }
        double percent = Scales.ratio(share);
        double shown = Rounding.halfUp(percent, 1).doubleValue();
        BigDecimal headroom = headroom(facts.annualSales(), facts.potential());
        Classification band = shown >= high
                ? new Classification("high", "High share of wallet (from " + Inputs.number(high) + " %)",
                        "Defend: we are the main supplier; protect the position and deepen the relationship.")
                : shown >= low
                        ? new Classification("medium", "Medium share of wallet", "Grow: win more of the "
                                + Inputs.money(headroom, facts.currency()) + " a year that goes to competitors.")
                        : new Classification("low", "Low share of wallet (below " + Inputs.number(low) + " %)",
                                "Qualify: " + Inputs.money(headroom, facts.currency()) + " a year goes to competitors; "
                                        + "find out where we can win share before investing.");
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("shareOfWallet", share.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
        measures.put("headroom", headroom);
        String input = Inputs.money(facts.annualSales(), facts.currency()) + " of "
                + Inputs.money(facts.potential().divide(THREE, 2, RoundingMode.HALF_UP), facts.currency())
                + " a year (" + Inputs.percent(share) + ")";
        return Score.of(percent, band, List.of(FactorContribution.of("share-of-wallet",
                "Annual sales against annual available spend", input, percent, 1)), measures);
    }
}
