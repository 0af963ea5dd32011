package org.openkam.http.internal.openapi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openkam.api.web.OpenApiContribution;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;

/** Reads a contribution's fragment: bounded in size, strict UTF-8 and strict JSON, an object. */
final class Fragments {

    /** Where Gson's messages say the JSON broke, without their advice to read it leniently. */
    private static final Pattern LOCATION = Pattern.compile("at line \\d+ column \\d+ path \\S*");

    private Fragments() {
    }

    /**
     * The fragment as a JSON object.
     *
     * @throws IOException if it cannot be read, or is too large, not UTF-8, not strict JSON or not an object;
     *         the message says which
     */
    static JsonObject read(OpenApiContribution contribution) throws IOException {
        byte[] bytes;
        try (InputStream in = contribution.fragment()) {
            if (in == null) {
                throw new IOException("fragment() returned no stream");
            }
            bytes = in.readNBytes(OpenApiContribution.MAX_BYTES + 1);
        }
        if (bytes.length > OpenApiContribution.MAX_BYTES) {
            throw new IOException("the fragment is larger than " + OpenApiContribution.MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("the fragment is not UTF-8 text", e);
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement json;
        try {
            json = JsonParser.parseReader(reader);
            reader.peek(); // strict: anything but white space after the value fails here
        } catch (JsonParseException | MalformedJsonException | EOFException e) {
            Matcher at = LOCATION.matcher(String.valueOf(e.getMessage()));
            throw new IOException("the fragment is not strict JSON" + (at.find() ? " (" + at.group() + ")" : ""), e);
        }
        if (!json.isJsonObject()) {
            throw new IOException("the fragment is not a JSON object");
        }
        return json.getAsJsonObject();
    }
}
