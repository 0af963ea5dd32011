package org.openkam.scoring.internal.http;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * The API's JSON conventions, as the core API writes them: enums as lower-case words joined by hyphens,
 * instants as ISO-8601 text, nulls written out.
 */
final class Json {

    private Json() {
    }

    static Gson create() {
        return new GsonBuilder().serializeNulls().disableHtmlEscaping()
                .registerTypeAdapter(Instant.class, new TypeAdapter<Instant>() {
                    @Override
                    public void write(JsonWriter out, Instant value) throws IOException {
                        out.value(value.toString());
                    }

                    @Override
                    public Instant read(JsonReader in) throws IOException {
                        return Instant.parse(in.nextString());
                    }
                }.nullSafe())
                .registerTypeAdapterFactory(new EnumFactory()).create();
    }

    /** The wire name of an enum constant. */
    static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Writes enums by their wire names; this API reads none. */
    private static final class EnumFactory implements TypeAdapterFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (!Enum.class.isAssignableFrom(type.getRawType()) || type.getRawType() == Enum.class) {
                return null;
            }
            return (TypeAdapter<T>) new TypeAdapter<Enum<?>>() {
                @Override
                public void write(JsonWriter out, Enum<?> value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(wire(value));
                    }
                }

                @Override
                public Enum<?> read(JsonReader in) {
                    throw new UnsupportedOperationException("the scoring API reads no enums");
                }
            };
        }
    }
}
