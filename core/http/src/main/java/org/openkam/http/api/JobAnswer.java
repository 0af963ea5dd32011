package org.openkam.http.api;

import java.time.Duration;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.Violation;
import org.openkam.api.job.Job;
import org.openkam.api.job.JobProblem;
import org.openkam.api.job.JobState;
import org.openkam.api.job.Jobs;

/**
 * The answer to a request that started a job, such as an upload to import. By default 202 Accepted with the job and
 * its {@code Location}, to poll. A client that would rather wait sends RFC 7240's {@code Prefer: wait=N} (seconds,
 * at most {@value #MAX_WAIT_SECONDS}); the answer then waits up to that long for the job to end: 200 with the job
 * when it succeeded, a 422 problem when it failed on problems of its input (each problem in {@code errors} as
 * {@code line <n>.<column>}, and as {@code problems} the way the job lists them, with {@code job}, the job's URL),
 * else 202 as without the preference. Every answer says {@code Vary: Prefer}.
 *
 * @since 1.2
 */
public final class JobAnswer {

    /** The longest wait a client gets, so that a request holds a server thread a bounded time. */
    public static final int MAX_WAIT_SECONDS = 60;

    private static final long POLL_MILLIS = 100;

    private JobAnswer() {
    }

    /**
     * Answers the request that started {@code job}, waiting for it as the client prefers.
     *
     * @param jobs reads the job's state as the caller
     * @return the body to answer with (the status and headers are set on {@code ex})
     * @throws ProblemException the 422 of a job that failed on problems of its input
     */
    public static Job of(Exchange ex, Jobs jobs, Job job) throws InterruptedException {
        String url = ex.apiUrl("/jobs/" + job.id());
        ex.header("Vary", "Prefer");
        ex.header("Location", url);
        Duration wait = preferredWait(ex.request().getHeaders("Prefer"));
        long deadline = System.nanoTime() + wait.toNanos();
        Job seen = job;
        while (!seen.state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            seen = jobs.get(ex.caller(), job.id());
        }
        if (seen.state() == JobState.SUCCEEDED) {
            ex.status(200);
            return seen;
        }
        if (seen.state() == JobState.FAILED && !seen.problems().isEmpty()) {
            throw refusal(seen, url);
        }
        ex.status(202);
        return seen;
    }

    /**
     * The wait the {@code Prefer} headers ask for: the first valid {@code wait=N} (N whole seconds, possibly
     * quoted), capped at {@value #MAX_WAIT_SECONDS} s; zero without one. Other preferences (e.g.
     * {@code respond-async}) and invalid values are ignored, as RFC 7240 asks.
     */
    public static Duration preferredWait(Enumeration<String> headers) {
        while (headers != null && headers.hasMoreElements()) {
            for (String preference : headers.nextElement().split(",")) {
                String token = preference.split(";", 2)[0].strip();
                int eq = token.indexOf('=');
                if (eq < 0 || !token.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                String value = token.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Duration.ofSeconds(value.length() > 9 ? MAX_WAIT_SECONDS
                            : Math.min(Integer.parseInt(value), MAX_WAIT_SECONDS));
                }
            }
        }
        return Duration.ZERO;
    }

    private static ProblemException refusal(Job job, String url) {
        List<Violation> errors = job.problems().stream().map(JobAnswer::violation).toList();
        Problem problem = new Problem("urn:openkam:problem:job-failed", "Unprocessable content", 422,
                job.summary(), errors.get(0).field(), errors);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("job", url);
        members.put("problems", job.problems());
        return new ProblemException(problem, members);
    }

    /** A job's problem as a violation: {@code line 3.store}, {@code line 3} or {@code file}. */
    static Violation violation(JobProblem p) {
        String where = p.line() > 0 ? "line " + p.line() : "file";
        return new Violation(p.field() == null ? where : where + "." + p.field(), p.message());
    }
}
