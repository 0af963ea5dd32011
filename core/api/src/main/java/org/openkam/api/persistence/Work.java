package org.openkam.api.persistence;

import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/** Database work run by {@link Database#write} or {@link Database#read}. */
@ConsumerType
@FunctionalInterface
public interface Work<T> {

    T run(Tx tx) throws SQLException;
}
