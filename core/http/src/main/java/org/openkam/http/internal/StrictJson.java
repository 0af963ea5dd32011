package org.openkam.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.openkam.http.api.ProblemException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

/**
 * Reads a request body as RFC 8259 JSON into a Gson tree, stricter than Gson's own tree reader: no single quotes,
 * comments or trailing data; a name given twice in one object is refused (Gson keeps the last silently, so two
 * parts of a system could read different values); numbers stay their literal text and are refused before any
 * arithmetic when they are absurdly long or their exponent is huge ({@code 1e4000000} costs seconds of CPU in
 * {@code BigDecimal} scaling later). Every refusal is a 400 naming the field.
 */
final class StrictJson {

    /** Longer literals are no number a field of this API holds. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Far beyond any amount, score or weight, far below what makes {@code BigDecimal} arithmetic slow. */
    static final int MAX_EXPONENT = 1000;

    /** What bytes that are not UTF-8 decode to: a lone low surrogate. */
    private static final String NOT_UTF8 = "\udc80";

    private static final String UNPAIRED = "must be valid UTF-8 text without unpaired surrogates";

    private StrictJson() {
    }

    /** The one JSON object {@code in} holds. */
    static JsonObject object(Reader in) throws IOException {
        JsonReader reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw ProblemException.badRequest("body", "must be a JSON object");
            }
            JsonObject object = read(reader).getAsJsonObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ProblemException.badRequest("body", "must hold one JSON object and nothing after it");
            }
            return object;
        } catch (MalformedJsonException | EOFException | IllegalStateException e) {
            if (ApiDispatcher.clientGone(e)) {
                throw e; // the client hung up while sending: nobody to answer a 400
            }
            throw ProblemException.badRequest("body", "is not valid JSON (RFC 8259): " + firstLine(e.getMessage()));
        }
    }

    private static JsonElement read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = string(reader, true);
                    if (object.has(name)) {
                        throw ProblemException.badRequest(field(reader), "is given twice; a name may appear once in an object");
                    }
                    object.add(name, read(reader));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(string(reader, false));
            }
            case NUMBER -> {
                String field = field(reader);
                String literal = reader.nextString();
                return new JsonPrimitive(new Literal(literal, number(field, literal)));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new MalformedJsonException("unexpected " + reader.peek() + " " + reader.getPath());
        }
    }

    /**
     * The next name or string, checked by {@link #text}. Gson itself refuses an escaped unpaired surrogate in strict
     * mode; that, too, is reported on the field rather than as a syntax error of the body.
     */
    private static String string(JsonReader reader, boolean name) throws IOException {
        String field = field(reader);
        String text;
        try {
            text = name ? reader.nextName() : reader.nextString();
        } catch (MalformedJsonException e) {
            if (String.valueOf(e.getMessage()).contains("surrogate")) {
                throw ProblemException.badRequest(field, UNPAIRED);
            }
            throw e;
        }
        return text(name ? field(reader) : field, text);
    }

    /**
     * Text of a name or string, refused when it holds a NUL character or a surrogate without its pair: from a JSON
     * escape of one, or standing for bytes that were not UTF-8 (see {@link #utf8(InputStream)}).
     * Stored, such text breaks exports, other databases and clients.
     */
    static String text(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw ProblemException.badRequest(field, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ProblemException.badRequest(field, UNPAIRED);
            }
        }
        return text;
    }

    /**
     * The body's bytes as UTF-8 text in which bytes that are not UTF-8 become an unpaired surrogate, which valid
     * UTF-8 never decodes to: so {@link #text} refuses them naming the field they appear in, where a strict decoder
     * could only fail the whole body and a lenient one would store U+FFFD silently.
     */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(NOT_UTF8));
    }

    /** The literal as a number, refused if it is too long or its exponent too large to compute with. */
    static BigDecimal number(String field, String literal) {
        if (literal.length() > MAX_NUMBER_LENGTH) {
            throw ProblemException.badRequest(field, "is out of range: a number of at most " + MAX_NUMBER_LENGTH
                    + " characters");
        }
        int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        if (e >= 0) {
            String exponent = literal.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
            if (exponent.length() > 4 || Integer.parseInt(exponent) > MAX_EXPONENT) {
                throw ProblemException.badRequest(field, "is out of range: its exponent must be at most "
                        + MAX_EXPONENT);
            }
        }
        return new BigDecimal(literal);
    }

    /** A number that reads back as the client wrote it ({@code 1e3} stays {@code 1e3}, as in Gson's own tree). */
    private static final class Literal extends Number {
        private static final long serialVersionUID = 1L;
        private final String text;
        private final BigDecimal value;

        Literal(String text, BigDecimal value) {
            this.text = text;
            this.value = value;
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The reader's path as the API names fields: {@code $.period.end} is {@code period.end}. */
    private static String field(JsonReader reader) {
        String path = reader.getPath();
        String field = path.startsWith("$.") ? path.substring(2) : path.substring(1);
        return field.isEmpty() ? "body" : field;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
