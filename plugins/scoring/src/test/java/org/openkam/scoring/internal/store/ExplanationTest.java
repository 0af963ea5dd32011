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

class ExplanationTest {

    /** What the column held when Gson wrote it by reflection: stored explanations must read the same. */
    private record Json(List<FactorContribution> contributions, Map<String, BigDecimal> measures) {
    }

    private static String byReflection(Score score) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(new Json(score.contributions(),
                score.measures()));
    }

    @Test
    void writesWhatGsonWroteByReflectionAndReadsItBack() {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("attractiveness", new BigDecimal("66.7"));
        measures.put("strength \"quoted\"", new BigDecimal("1E+3"));
        List<Score> scores = List.of(
                Score.of(42.25, new Classification("a", "A account", "Invest"), List.of(
                        FactorContribution.of("attractiveness.sales", "Attractiveness: annual sales", "1200000 EUR",
                                80.0, 0.25),
                        FactorContribution.of("strength.stage", "Strength: stage (unknown, left out)", null, null, 0),
                        FactorContribution.of("x.<html>", "Ünïcödé & <b>tags</b>\n\t\\ \u2028", "\"quoted\"", 0.05,
                                1)), measures),
                Score.of(0, null, List.of()),
                Score.of(100, null, List.of(), Map.of("only", BigDecimal.ONE)));
        for (Score score : scores) {
            String text = Explanation.write(score);
            assertEquals(byReflection(score), text);
            assertEquals(score, Explanation.read(score.value(), score.classification(), text));
        }
        assertEquals("{}", Explanation.write(null));
    }
}
