package org.openkam.registry.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

import javax.sql.DataSource;

import org.openkam.api.Caller;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.persistence.Work;
import org.osgi.service.event.EventAdmin;

/** The {@link Database} over any data source; the DS component wraps it around the configured pool. */
public final class SqlDatabase implements Database {

    /** H2 settings that make it accept the same SQL as PostgreSQL. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Transactions transactions;

    /** {@code eventAdmin} receives the events of committed writes. */
    public SqlDatabase(DataSource dataSource, EventAdmin eventAdmin) {
        this.dataSource = dataSource;
        this.dialect = detect(dataSource);
        this.transactions = new Transactions(dataSource, eventAdmin);
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
        return new Migrator(dataSource, dialect).apply(MigrationScripts.owner(owner), MigrationScripts.of(owner));
    }

    @Override
    public <T> T write(Caller caller, Work<T> work) {
        return transactions.write(Objects.requireNonNull(caller, "caller"), work);
    }

    @Override
    public <T> T write(Work<T> work) {
        return transactions.write(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        return transactions.read(work);
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
            throw new StoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
