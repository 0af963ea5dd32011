package org.openkam.registry.internal.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openkam.api.job.JobProblem;
import org.openkam.registry.internal.job.JobService;

/**
 * The problems an import's check found: all of them counted, the lines to skip remembered, but only as many kept
 * as a job stores, so a file of a million bad lines does not hold a million problems in memory.
 */
final class Problems {

    private final List<JobProblem> kept = new ArrayList<>();
    private final Set<Long> lines = new HashSet<>();
    private long count;

    void add(JobProblem problem) {
        count++;
        lines.add(problem.line());
        if (kept.size() < JobService.MAX_PROBLEMS) {
            kept.add(problem);
        }
    }

    long count() {
        return count;
    }

    List<JobProblem> kept() {
        return kept;
    }

    /** The lines with a problem: a partial import skips them. */
    Set<Long> lines() {
        return lines;
    }
}
