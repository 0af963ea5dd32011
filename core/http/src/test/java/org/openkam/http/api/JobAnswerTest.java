package org.openkam.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.api.Violation;
import org.openkam.api.job.JobProblem;

class JobAnswerTest {

    private static Duration preferred(String... headers) {
        return JobAnswer.preferredWait(Collections.enumeration(List.of(headers)));
    }

    @Test
    void theWaitIsTheFirstValidWaitPreferenceCappedAtTheMaximum() {
        assertEquals(Duration.ZERO, preferred());
        assertEquals(Duration.ofSeconds(10), preferred("wait=10"));
        assertEquals(Duration.ofSeconds(5), preferred("respond-async, wait=5"));
        assertEquals(Duration.ofSeconds(7), preferred("return=minimal", "Wait = \"7\"; foo=bar"));
        assertEquals(Duration.ofSeconds(JobAnswer.MAX_WAIT_SECONDS), preferred("wait=3600"));
        assertEquals(Duration.ofSeconds(JobAnswer.MAX_WAIT_SECONDS), preferred("wait=99999999999999"));
    }

    @Test
    void invalidWaitPreferencesAreIgnored() {
        assertEquals(Duration.ZERO, preferred("wait=-1"));
        assertEquals(Duration.ZERO, preferred("wait=soon"));
        assertEquals(Duration.ZERO, preferred("wait="));
        assertEquals(Duration.ZERO, preferred("waiting=3"));
        assertEquals(Duration.ofSeconds(2), preferred("wait=x, wait=2"));
    }

    @Test
    void aJobProblemNamesItsLineAndColumn() {
        assertEquals(new Violation("line 3.store", "unknown"), JobAnswer.violation(new JobProblem(3, "store", "unknown")));
        assertEquals(new Violation("line 4", "bad"), JobAnswer.violation(new JobProblem(4, null, "bad")));
        assertEquals(new Violation("file", "not CSV"), JobAnswer.violation(new JobProblem(0, null, "not CSV")));
    }
}
