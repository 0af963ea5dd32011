package org.openkam.registry.internal.db;

import java.sql.SQLException;

/** A unit of database work inside one transaction. */
@FunctionalInterface
public interface Work<T> {

    T run(Tx tx) throws SQLException;
}
