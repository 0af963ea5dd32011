package org.openkam.api.job;

/** A job's lifecycle. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED,
    /**
     * The node running it stopped (a crash, {@code kill -9}) before it finished; what it committed stays, and it can
     * be started again.
     *
     * @since 1.1
     */
    INTERRUPTED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }
}
