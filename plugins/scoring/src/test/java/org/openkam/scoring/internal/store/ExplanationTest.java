package org.openkam.scoring.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.Score;

import com.google.gson.GsonBuilder;

/** The explanation column's text: the format rows stored before keep, and what reads back. */
class ExplanationTest {

    /** The text as Gson wrote it from the records, which is what every stored row holds. */
    private record Stored(List<FactorContribution> contributions, Map<String, BigDecimal> measures) {
    }

    private static String asStored(Score score) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(new Stored(score.contributions(),
                score.measures()));
    }

    private static Score full() {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("strength", new BigDecimal("40.0"));
        measures.put("attractiveness", new BigDecimal("71.5"));
        measures.put("customerLifetimeValue", new BigDecimal("1.2E+7"));
        return Score.of(63.25, new Classification("A", "Key account", "Plan it"), List.of(
                FactorContribution.of("attractiveness.sales", "Attractiveness: annual sales", "1200000 EUR", 80.0, 0.25),
                FactorContribution.of("strength.relationship-stage", "Strength: relationship stage (unknown, left out)",
                        null, null, 0),
                FactorContribution.of("quotes", "Say \"<b>\" & 'x' \\ \u00e9\u20ac\n\t\u0001", "5 < 6 > 4 = \u2028",
                        100.0, 1),
                FactorContribution.of("zero", "Zero", "0", 0.0, 0.00004)), measures);
    }

    @Test
    void writesTheTextStoredRowsHold() {
        Score full = full();
        assertEquals(asStored(full), Explanation.write(full));
        Score bare = Score.of(0, null, List.of());
        assertEquals(asStored(bare), Explanation.write(bare));
        assertEquals("{\"contributions\":[],\"measures\":{}}", Explanation.write(bare));
        assertEquals("{}", Explanation.write(null));
    }

    @Test
    void readsBackWhatItWrote() {
        Score full = full();
        Score read = Explanation.read(full.value(), full.classification(), Explanation.write(full));
        assertEquals(full, read);
        assertEquals(List.copyOf(full.measures().keySet()), List.copyOf(read.measures().keySet()));
    }
}
