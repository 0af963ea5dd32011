package org.openkam.api.persistence;

/** The database products OpenKAM runs on. */
public enum Dialect {
    H2, POSTGRESQL
}
