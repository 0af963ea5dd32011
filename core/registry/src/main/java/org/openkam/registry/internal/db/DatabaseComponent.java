package org.openkam.registry.internal.db;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import org.openkam.api.persistence.Database;
import org.openkam.api.Caller;
import org.openkam.api.persistence.Dialect;
import org.openkam.api.persistence.Work;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The configured database: embedded H2 under the data folder by default, PostgreSQL by configuration.
 * Applies the registry's own schema before it offers the service, so every user finds the core tables.
 */
@Component(service = Database.class, configurationPid = DatabaseComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseComponent.Config.class)
public final class DatabaseComponent implements Database {

    public static final String PID = "org.openkam.database";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

    @ObjectClassDefinition(name = "OpenKAM database",
            description = "Where OpenKAM keeps its data. Changing it needs a restart of the registry bundle.")
    public @interface Config {

        @AttributeDefinition(name = "JDBC URL", description = "Empty for the embedded H2 database under the data "
                + "folder; for PostgreSQL e.g. jdbc:postgresql://db.example.com:5432/openkam")
        String url() default "";

        @AttributeDefinition(name = "User", required = false)
        String user() default "";

        @AttributeDefinition(name = "Password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
                required = false)
        String password() default "";

        @AttributeDefinition(name = "Pool size", description = "Most connections this node holds open", min = "1",
                max = "200")
        int pool_size() default 10;

        @AttributeDefinition(name = "Connection wait (ms)", description = "How long a request waits for a connection "
                + "before it is answered 503, e.g. while the database restarts", min = "250")
        long connection_timeout_millis() default 5000;

        @AttributeDefinition(name = "Driver filter", description = "Which JDBC driver to use: "
                + "(osgi.jdbc.driver.class=org.h2.Driver) or (osgi.jdbc.driver.class=org.postgresql.Driver)")
        String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.h2.Driver)";
    }

    private final HikariDataSource pool;
    private final SqlDatabase database;
    private final boolean embedded;

    @Activate
    public DatabaseComponent(@Reference(name = "dataSourceFactory") DataSourceFactory factory,
            @Reference EventAdmin events, Config config, BundleContext context) throws SQLException {
        this.embedded = config.url().isBlank();
        String url = embedded ? embeddedUrl(context) : config.url().strip();
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config.password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        }
        DataSource raw = factory.createDataSource(props);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setPoolName("openkam");
        hikari.setMaximumPoolSize(config.pool_size());
        hikari.setMinimumIdle(Math.min(2, config.pool_size()));
        hikari.setConnectionTimeout(config.connection_timeout_millis());
        this.pool = new HikariDataSource(hikari);
        try {
            this.database = new SqlDatabase(pool, events);
            int applied = database.migrate(DatabaseComponent.class);
            LOG.info("Database ready: {} at {} ({} core migration(s) applied)", database.dialect(),
                    url.replaceAll("password=[^;&]*", "password=***"), applied);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Closing the pool closes the last connection, which closes an embedded H2 database (DB_CLOSE_DELAY=0). */
    @Deactivate
    void close() {
        pool.close();
        LOG.info("Database closed");
    }

    /**
     * What the file database needs beyond {@link SqlDatabase#H2_OPTIONS}. {@code WRITE_DELAY=0}: every commit is
     * written to the file before it returns (H2's default of 500 ms lost writes the API had acknowledged when the
     * process was killed); bulk paths stay fast because they commit once per batch, not per row.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: H2's own JVM shutdown hook would close the database while HTTP still serves;
     * this component closes it when it deactivates, after HTTP has stopped. {@code QUERY_CACHE_SIZE=64}: each
     * connection keeps its 64 most recent statements compiled; with H2's default of 8 the overview's 17 statements
     * pushed each other out and every request parsed and planned them all again (8x its requests/s with 64).
     */
    static final String H2_FILE_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";

    /** The H2 URL under {@code openkam.data} (default {@code data}), in PostgreSQL compatibility mode. */
    static String embeddedUrl(BundleContext context) {
        String dataDir = context.getProperty("openkam.data");
        Path base = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath();
        return "jdbc:h2:file:" + base.resolve("db").resolve("openkam") + SqlDatabase.H2_OPTIONS + H2_FILE_OPTIONS;
    }

    /**
     * True for the embedded H2 database under the data folder: H2 locks its file, so this process is the only node
     * that uses it.
     */
    public boolean embedded() {
        return embedded;
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Dialect dialect() {
        return database.dialect();
    }

    @Override
    public int migrate(Class<?> owner) {
        return database.migrate(owner);
    }

    @Override
    public <T> T write(Caller caller, Work<T> work) {
        return database.write(caller, work);
    }

    @Override
    public <T> T write(Work<T> work) {
        return database.write(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        return database.read(work);
    }
}
