package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;

/** The {@link Database} over any data source; the DS component wraps it around the configured pool. */
public final class SqlDatabase implements Database {

    /** H2 settings that make it accept the same SQL as PostgreSQL. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final DataSource dataSource;
    private final Dialect dialect;

    public SqlDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.dialect = detect(dataSource);
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
    public int migrate(Class<?> owner) {
        return new Migrator(dataSource).apply(MigrationScripts.owner(owner), MigrationScripts.of(owner));
    }

    private static Dialect detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return Dialect.POSTGRESQL;
            }
            if (product.contains("h2")) {
                return Dialect.H2;
            }
            throw new IllegalStateException("unsupported database " + product + "; use H2 or PostgreSQL");
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
