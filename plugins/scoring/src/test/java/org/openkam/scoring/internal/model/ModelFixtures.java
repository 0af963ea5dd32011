package org.openkam.scoring.internal.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Settings with the defaults of the configuration, for the model tests. */
final class ModelFixtures {

    private ModelFixtures() {
    }

    static CriteriaSettings defaults(MoneyScale scale) {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(CriteriaSettings.SALES, 20.0);
        w.put(CriteriaSettings.MARGIN, 20.0);
        w.put(CriteriaSettings.POTENTIAL, 20.0);
        w.put(CriteriaSettings.GROWTH, 15.0);
        w.put(CriteriaSettings.REFERENCE, 15.0);
        w.put(CriteriaSettings.COMPLEXITY, 10.0);
        w.put(CriteriaSettings.SHARE_OF_WALLET, 40.0);
        w.put(CriteriaSettings.COMPETITIVE_POSITION, 35.0);
        w.put(CriteriaSettings.RELATIONSHIP_STAGE, 25.0);
        return new CriteriaSettings(w, scale, "growth", -10, 20, "referenceValue", "structureComplexity");
    }
}
