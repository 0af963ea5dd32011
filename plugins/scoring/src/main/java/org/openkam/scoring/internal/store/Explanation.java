package org.openkam.scoring.internal.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.openkam.api.scoring.Classification;
import org.openkam.api.scoring.FactorContribution;
import org.openkam.api.scoring.Score;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;

/** A score's contributions and measures as the JSON text of the {@code explanation} column. */
final class Explanation {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private record Json(List<FactorContribution> contributions, Map<String, BigDecimal> measures) {
    }

    private Explanation() {
    }

    /**
     * The text {@code GSON.toJson(new Json(...))} gives (nulls left out), written field by field: a run writes one
     * per account, and Gson's reflection over the records was a fifth of a run's time.
     */
    static String write(Score score) {
        if (score == null) {
            return "{}";
        }
        StringWriter text = new StringWriter(160 * score.contributions().size() + 64);
        try (JsonWriter out = new JsonWriter(text)) {
            out.beginObject().name("contributions").beginArray();
            for (FactorContribution c : score.contributions()) {
                out.beginObject().name("factor").value(c.factor()).name("label").value(c.label());
                if (c.input() != null) {
                    out.name("input").value(c.input());
                }
                if (c.value() != null) {
                    out.name("value").value(c.value());
                }
                out.name("weight").value(c.weight()).name("contribution").value(c.contribution()).endObject();
            }
            out.endArray().name("measures").beginObject();
            for (Map.Entry<String, BigDecimal> m : score.measures().entrySet()) {
                out.name(m.getKey()).value(m.getValue());
            }
            out.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** The contributions and measures stored for a score; the record constructors validate them again. */
    static Score read(BigDecimal value, Classification classification, String text) {
        Json json = GSON.fromJson(text, Json.class);
        return new Score(value, classification, json.contributions(), json.measures());
    }
}
