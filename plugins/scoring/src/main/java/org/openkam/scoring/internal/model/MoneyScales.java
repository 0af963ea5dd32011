package org.openkam.scoring.internal.model;

import java.util.Locale;

/** Reads a {@link MoneyScale} from its configuration value. */
final class MoneyScales {

    private MoneyScales() {
    }

    static MoneyScale of(String key) {
        String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MoneyScale s : MoneyScale.values()) {
            if (s.name().equals(k)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown amount scale '" + key + "'; use square-root or linear");
    }
}
