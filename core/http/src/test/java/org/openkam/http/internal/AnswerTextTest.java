package org.openkam.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

class AnswerTextTest {

    private static final Gson GSON = new Gson();

    @Test
    void anAnswerIsTheUtf8OfTheTextGsonWrites() {
        Map<String, Object> answer = Map.of("items", List.of(
                Map.of("name", "Kovačić d.o.o.", "sales", "12 000 € – net", "note", "\"quoted\"\n<tag> & 'apostrophe'"),
                Map.of("name", "東京商事", "emoji", "🛒 retail", "plain", "ASCII only")), "nextCursor", "abc");
        assertUtf8(GSON.toJson(answer), written(answer));
    }

    @Test
    void aLongAnswerGrowsBeyondTheFirstArray() {
        StringBuilder name = new StringBuilder();
        Random random = new Random(7);
        while (name.length() < 100_000) {
            // mostly ASCII with Latin-1, the BMP beyond it and surrogate pairs between
            int kind = random.nextInt(10);
            name.appendCodePoint(kind < 7 ? 'a' + random.nextInt(26) : kind == 7 ? 'é' : kind == 8 ? 'ć' : 0x1F600);
        }
        Map<String, Object> answer = Map.of("name", name.toString());
        assertUtf8(GSON.toJson(answer), written(answer));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsGetBytesMakesIt() throws IOException {
        AnswerText text = new AnswerText();
        text.write("a\uD800b", 0, 3);
        text.write('\uDC00');
        text.append("c");
        assertUtf8("a\uD800b\uDC00c", text);
        assertEquals("a?b?c", StandardCharsets.UTF_8.decode(text.utf8()).toString());
    }

    @Test
    void charsStringsAndSinglesGoInInTheirOrder() throws IOException {
        AnswerText text = new AnswerText();
        text.write(new char[] {'x', '{', '"', 'y'}, 1, 2);
        text.write("key\":", 0, 5);
        text.write('1');
        text.append("}");
        assertUtf8("{\"key\":1}", text);
    }

    private static AnswerText written(Object answer) {
        AnswerText text = new AnswerText();
        GSON.toJson(answer, text);
        return text;
    }

    private static void assertUtf8(String expected, AnswerText text) {
        ByteBuffer bytes = text.utf8();
        byte[] actual = new byte[bytes.remaining()];
        bytes.get(actual);
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual);
    }
}
