package org.openkam.hierarchy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Mean and minimum of scores (0..100, one decimal) over many accounts, added in place: an exact sum, a count and the
 * least value seen. One per answer part, one thread.
 */
final class ScoreSums {

    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal min;
    private int count;

    void add(BigDecimal score) {
        sum = sum.add(score);
        min = min == null || score.compareTo(min) < 0 ? score : min;
        count++;
    }

    ScoreSums plus(ScoreSums o) {
        ScoreSums out = new ScoreSums();
        out.sum = sum.add(o.sum);
        out.count = count + o.count;
        out.min = min == null ? o.min : o.min == null ? min : min.min(o.min);
        return out;
    }

    /** The mean to two decimals (half up); {@code null} when nothing was scored. */
    BigDecimal mean() {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** The least score; {@code null} when nothing was scored. */
    BigDecimal min() {
        return min;
    }

    int count() {
        return count;
    }
}
