package org.openkam.api.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

/** JDBC conversions that behave the same on H2 and PostgreSQL. */
public final class Rows {

    private Rows() {
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
