package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openkam.api.Violations;

/** What makes trade terms valid, each problem named by its place: {@code conditions[1].percent}. */
final class TermsRules {

    private TermsRules() {
    }

    static Violations violations(List<TradeTerms.Condition> conditions, List<VolumeBonus.Tier> tiers) {
        Violations v = new Violations();
        for (int i = 0; i < conditions.size(); i++) {
            TradeTerms.Condition c = conditions.get(i);
            String at = "conditions[" + i + "].";
            v.required(at + "kind", c.kind()).required(at + "name", c.name(), 200);
            if (c.kind() != null && c.kind().percentage()) {
                percent(v, at + "percent", c.percent());
                if (c.amount() != null) {
                    v.add(at + "amount", "is for yearly amounts; a " + c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + " condition takes a percent");
                }
            } else if (c.kind() != null) {
                v.required(at + "amount", c.amount()).money(at + "amount", c.amount(), false);
                if (c.percent() != null) {
                    v.add(at + "percent", "is for percentage conditions; co-op advertising takes an amount");
                }
            }
        }
        Set<BigDecimal> thresholds = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            VolumeBonus.Tier t = tiers.get(i);
            String at = "volumeTiers[" + i + "].";
            v.required(at + "minVolume", t.minVolume()).money(at + "minVolume", t.minVolume(), false);
            percent(v, at + "percent", t.percent());
            if (t.minVolume() != null && !thresholds.add(t.minVolume().stripTrailingZeros())) {
                v.add(at + "minVolume", "is the threshold of an earlier tier too");
            }
        }
        return v;
    }

    private static void percent(Violations v, String field, BigDecimal percent) {
        v.required(field, percent);
        if (percent != null && (percent.signum() < 0 || percent.compareTo(Percent.HUNDRED) >= 0)) {
            v.add(field, "must be from 0 to below 100");
        }
    }
}
