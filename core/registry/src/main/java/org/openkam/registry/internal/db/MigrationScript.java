package org.openkam.registry.internal.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openkam.api.persistence.Dialect;

/**
 * One versioned schema script, {@code V<n>__<description>.sql}, or {@code V<n>__<description>.h2.sql} (or
 * {@code .postgresql.sql}) for a setting only one database has: such a script runs on that database only and is
 * recorded on every database, so versions mean the same everywhere. {@code dialect} is null for every database.
 */
public record MigrationScript(int version, String description, String sql, Dialect dialect) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)(?:\\.(h2|postgresql))?\\.sql");

    /** Parses a script from its file name and text, or fails naming the file. */
    public static MigrationScript of(String fileName, String sql) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration " + fileName + " is not named V<n>__<description>.sql "
                    + "or V<n>__<description>.h2.sql (.postgresql.sql)");
        }
        return new MigrationScript(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql,
                m.group(3) == null ? null : Dialect.valueOf(m.group(3).toUpperCase(Locale.ROOT)));
    }

    /** True if the script's statements run on {@code database}. */
    public boolean runsOn(Dialect database) {
        return dialect == null || dialect == database;
    }

    /** SHA-256 of the text, to detect a script edited after it was applied. */
    public String checksum() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements: the text split at semicolons that end a line, without {@code --} comment lines. */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
