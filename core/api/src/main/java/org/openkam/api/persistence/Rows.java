package org.openkam.api.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.UUID;

/** JDBC conversions that behave the same on H2 and PostgreSQL. */
public final class Rows {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Rows() {
    }

    /**
     * A new row id: a time-ordered UUID (RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random bits).
     * Rows created together sort together, so a bulk write appends to the ends of its indexes instead of touching
     * a random page per row. Not for secrets: the time is readable and only 74 bits are random.
     */
    public static String newId() {
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (RANDOM.nextInt() & 0xFFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The current time at the precision both databases keep (microseconds), so it reads back equal. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds an instant to a {@code TIMESTAMP WITH TIME ZONE} parameter, or SQL {@code NULL}. */
    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column, or {@code null}. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    /**
     * Reads a {@code TIMESTAMP WITH TIME ZONE} column by its position, for rows read many at a time with their
     * columns looked up once.
     *
     * @since 1.4
     */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A {@code LIKE ... ESCAPE '\'} pattern matching {@code text} anywhere, its {@code %} and {@code _} literal. */
    public static String likeContains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** {@code ?, ?, ?}: the placeholders of an {@code IN} list of {@code n} values. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Cuts a text to a column's length, marking the cut with an ellipsis; {@code null} stays {@code null}. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
