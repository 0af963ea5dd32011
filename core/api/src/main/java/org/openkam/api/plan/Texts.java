package org.openkam.api.plan;

import java.math.BigDecimal;

/** The normalization the plan drafts share: trimmed texts, blank as absent, amounts without trailing zeros. */
final class Texts {

    private Texts() {
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static BigDecimal canonical(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
