package org.openkam.http.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * The JSON conventions of the API: enums as lower-case words joined by hyphens ({@code key-account-manager}),
 * instants and dates as ISO-8601 text ({@code 2027-03-31}), nulls written out so every field of a resource is
 * visible.
 */
public final class Json {

    private Json() {
    }

    public static Gson create() {
        return new GsonBuilder()
                .serializeNulls()
                .disableHtmlEscaping()
                .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
                .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
                .registerTypeAdapterFactory(new EnumFactory())
                .create();
    }

    /** The wire name of an enum constant. */
    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(IsoInstants.format(value));
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }

    private static final class LocalDateAdapter extends TypeAdapter<LocalDate> {
        @Override
        public void write(JsonWriter out, LocalDate value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public LocalDate read(JsonReader in) throws IOException {
            return LocalDate.parse(in.nextString());
        }
    }

    private static final class EnumFactory implements TypeAdapterFactory {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!Enum.class.isAssignableFrom(raw) || raw == Enum.class) {
                return null;
            }
            Class<? extends Enum> enumType = raw.isEnum() ? (Class<? extends Enum>) raw
                    : (Class<? extends Enum>) raw.getSuperclass();
            return (TypeAdapter<T>) new TypeAdapter<Enum>() {
                @Override
                public void write(JsonWriter out, Enum value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(wire(value));
                    }
                }

                @Override
                public Enum read(JsonReader in) throws IOException {
                    if (in.peek() == JsonToken.NULL) {
                        in.nextNull();
                        return null;
                    }
                    return Enum.valueOf(enumType, in.nextString().toUpperCase(Locale.ROOT).replace('-', '_'));
                }
            };
        }
    }
}
