package org.openkam.registry.internal.plan;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.Swot;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/** The JSON the plan tables keep: SWOT lists, and whole plans as version snapshots (dates as ISO text). */
final class PlanJson {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(LocalDate.class, new IsoText<>(LocalDate::parse).nullSafe())
            .registerTypeAdapter(Instant.class, new IsoText<>(Instant::parse).nullSafe())
            .create();

    private PlanJson() {
    }

    static String swot(Swot swot) {
        return GSON.toJson(swot);
    }

    static Swot swot(String json) {
        return GSON.fromJson(json, Swot.class);
    }

    static String snapshot(AccountPlan plan) {
        return GSON.toJson(plan);
    }

    static AccountPlan snapshot(String json) {
        return GSON.fromJson(json, AccountPlan.class);
    }

    /** A value written as its {@code toString()} and read back by {@code parse}. */
    private static final class IsoText<T> extends TypeAdapter<T> {
        private final Function<String, T> parse;

        IsoText(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public T read(JsonReader in) throws IOException {
            return parse.apply(in.nextString());
        }
    }
}
