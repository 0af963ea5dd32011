package org.openkam.api.job;

import java.util.List;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records the jobs a bundle runs, so that callers follow them through {@link Jobs#get} (and
 * {@code GET /api/v1/jobs/{id}}) whichever bundle does the work. Each method writes in its own short
 * transaction: progress is visible on every node while the job's own work is still uncommitted.
 */
@ProviderType
public interface JobTracker {

    /** Records a new queued job started by the caller, who (with administrators) may read it. */
    Job create(Caller caller, String type);

    /** Records how far a job got; the job is running from the first call on. {@code total} is -1 while unknown. */
    void progress(String id, long done, long total);

    /** Records a job's end; only the first 1000 problems are kept, the summary may count them all. */
    void finish(String id, JobState state, long done, long total, List<JobProblem> problems, String summary);
}
