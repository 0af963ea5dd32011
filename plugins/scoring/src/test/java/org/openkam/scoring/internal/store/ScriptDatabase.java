package org.openkam.scoring.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;

/**
 * The {@link Database} contract for tests outside a framework: applies the bundle's own migration scripts, in
 * order, the way the registry splits them (statements end with {@code ;} at the end of a line, {@code --} lines
 * are comments). Applies them once per data source.
 */
public final class ScriptDatabase implements Database {

    /** H2 settings that make it accept the same SQL as PostgreSQL, as the product runs it. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private final DataSource dataSource;
    private final Dialect dialect;
    private boolean migrated;

    public ScriptDatabase(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public synchronized int migrate(Class<?> owner) {
        if (migrated) {
            return 0;
        }
        List<Path> scripts = scripts(owner);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (Path script : scripts) {
                for (String statement : statements(Files.readString(script))) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("migrating failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        migrated = true;
        return scripts.size();
    }

    private static List<Path> scripts(Class<?> owner) {
        try {
            Path root = Path.of(owner.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.list(root.resolve("OSGI-INF/openkam/migrations"))) {
                return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int version(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<String> statements(String sql) {
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
        return out;
    }
}
