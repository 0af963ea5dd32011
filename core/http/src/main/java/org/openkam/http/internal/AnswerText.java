package org.openkam.http.internal;

import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An answer's JSON text as Gson writes it, token by token, into one growing array of chars, then encoded to UTF-8 at
 * once. Gson's own {@code toJson} appends to a {@code StringBuilder}, which on Java 17 copies a string char by char,
 * and at the first character beyond Latin-1 (a euro sign, a dash in a name) holds the whole answer as two bytes a
 * char, which {@code getBytes} then encodes char by char: a list of 50 accounts spent about a third of its time there.
 * One answer, one thread: nothing here is synchronised.
 */
final class AnswerText extends Writer {

    private char[] chars = new char[8192];
    private int length;

    @Override
    public void write(int c) {
        room(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] source, int offset, int count) {
        room(count);
        System.arraycopy(source, offset, chars, length, count);
        length += count;
    }

    @Override
    public void write(String text, int offset, int count) {
        room(count);
        text.getChars(offset, offset + count, chars, length);
        length += count;
    }

    /** The text as UTF-8; a lone surrogate becomes {@code ?}, as {@code String.getBytes} makes it. */
    ByteBuffer utf8() {
        try {
            return StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(chars, 0, length));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encodes every char with replacements on", e);
        }
    }

    private void room(int count) {
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
    }

    @Override
    public void flush() {
        // nothing buffered beyond the array
    }

    @Override
    public void close() {
        // the array stays readable
    }
}
