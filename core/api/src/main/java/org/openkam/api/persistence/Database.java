package org.openkam.api.persistence;

import javax.sql.DataSource;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared database, for plugins that keep their own tables.
 *
 * <p>A plugin owns its tables and never reads or writes the registry's: it reaches accounts, units and
 * users through the registry's services, and records its changes in the audit trail with
 * {@link Tx#audit}. It ships its schema as versioned SQL scripts in its bundle under
 * {@code OSGI-INF/openkam/migrations/}, named {@code V<n>__<description>.sql} (statements separated by
 * {@code ;} at the end of a line), and calls {@link #migrate(Class)} when its component activates. Scripts
 * are applied once, in order, each in its own transaction, recorded per bundle; a changed script that
 * was already applied is refused. Nothing is ever dropped when a plugin goes away. Use the same SQL on
 * H2 (PostgreSQL mode) and PostgreSQL; {@link #dialect()} is the seam for what differs, and a script named
 * {@code V<n>__<description>.h2.sql} (or {@code .postgresql.sql}) runs on that database only, for a setting the
 * other lacks, and is recorded on both.
 */
@ProviderType
public interface Database {

    /** A pooled data source; close every connection you take. Prefer {@link #write} and {@link #read}. */
    DataSource dataSource();

    Dialect dialect();

    /**
     * Applies the pending migrations of the bundle that contains {@code owner}.
     *
     * @return the number of scripts applied
     */
    int migrate(Class<?> owner);

    /**
     * Runs {@code work} in one transaction on behalf of {@code caller}: committed if it returns, rolled
     * back if it throws. The events it {@linkplain Tx#post posted} go out after the commit, never after a
     * rollback; its {@linkplain Tx#audit audit entries} commit or roll back with it, recorded as made by
     * {@code caller}.
     *
     * @return what {@code work} returned
     * @throws StoreException if the database failed (the work's {@link java.sql.SQLException} included)
     */
    <T> T write(Caller caller, Work<T> work);

    /**
     * Runs {@code work} in one transaction that no user asked for (a background job, a scoring run). Like
     * {@link #write(Caller, Work)}, but {@link Tx#audit} is refused: there is nobody to record.
     */
    <T> T write(Work<T> work);

    /**
     * Runs {@code work} on a connection in auto-commit mode, for reads; {@link Tx#post} and {@link Tx#audit}
     * are refused.
     *
     * @throws StoreException if the database failed
     */
    <T> T read(Work<T> work);
}
