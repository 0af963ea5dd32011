package org.openkam.api;

/** Optimistic concurrency: the caller changed a version of the record that is no longer current. */
public class StaleVersionException extends OpenKamException {

    private static final long serialVersionUID = 1L;
    private final long currentVersion;

    public StaleVersionException(String kind, String id, long expectedVersion, long currentVersion) {
        super(kind + " " + id + " is at version " + currentVersion + ", not " + expectedVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
