package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tiered volume bonus: the rate of the highest tier the retailer's annual volume reaches applies to all of its
 * volume (not only the volume above the threshold); below the first tier there is no bonus.
 */
final class VolumeBonus {

    /** From {@code minVolume} units a year on, {@code percent} of the invoice value. */
    record Tier(BigDecimal minVolume, BigDecimal percent) {
    }

    private VolumeBonus() {
    }

    static BigDecimal rate(List<Tier> tiers, BigDecimal annualVolume) {
        return tiers.stream().filter(t -> annualVolume.compareTo(t.minVolume()) >= 0)
                .max((a, b) -> a.minVolume().compareTo(b.minVolume())).map(Tier::percent).orElse(BigDecimal.ZERO);
    }
}
