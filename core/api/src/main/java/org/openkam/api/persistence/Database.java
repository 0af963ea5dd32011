package org.openkam.api.persistence;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared database, for plugins that keep their own tables.
 *
 * <p>A plugin ships its schema as versioned SQL scripts in its bundle under
 * {@code OSGI-INF/openkam/migrations/}, named {@code V<n>__<description>.sql} (statements separated by
 * {@code ;} at the end of a line), and calls {@link #migrate(Class)} when its component activates. Scripts
 * are applied once, in order, each in its own transaction, recorded per bundle; a changed script that
 * was already applied is refused. Nothing is ever dropped when a plugin goes away.
 */
@ProviderType
public interface Database {

    /** A pooled data source; close every connection you take. */
    DataSource dataSource();

    Dialect dialect();

    /**
     * Applies the pending migrations of the bundle that contains {@code owner}.
     *
     * @return the number of scripts applied
     */
    int migrate(Class<?> owner);
}
