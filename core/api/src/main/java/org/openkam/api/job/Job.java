package org.openkam.api.job;

import java.time.Instant;
import java.util.List;

/**
 * A long-running piece of work and how far it got.
 *
 * @param type e.g. {@code account-import}
 * @param done items processed so far
 * @param total items in all, or {@code -1} while unknown
 * @param problems what was refused, e.g. every bad line of an import
 * @param summary a one-line outcome for people
 * @param startedBy the id of the user who started it
 */
public record Job(String id, String type, JobState state, long done, long total, List<JobProblem> problems,
        String summary, String startedBy, Instant createdAt, Instant finishedAt) {

    public Job {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
