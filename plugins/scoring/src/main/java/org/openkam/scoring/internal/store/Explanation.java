package org.openkam.scoring.internal.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.Score;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** A score's contributions and measures as the JSON text of the {@code explanation} column. */
final class Explanation {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private record Json(List<FactorContribution> contributions, Map<String, BigDecimal> measures) {
    }

    private Explanation() {
    }

    /** Writes into the buffer, which it empties first: one buffer serves a page of scores. */
    static String write(Score score, StringBuilder buffer) {
        if (score == null) {
            return "{}";
        }
        buffer.setLength(0);
        GSON.toJson(new Json(score.contributions(), score.measures()), Json.class, buffer);
        return buffer.toString();
    }

    /** The contributions and measures stored for a score; the record constructors validate them again. */
    static Score read(BigDecimal value, Classification classification, String text) {
        Json json = GSON.fromJson(text, Json.class);
        return new Score(value, classification, json.contributions(), json.measures());
    }
}
