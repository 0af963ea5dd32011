package org.openkam.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.http.api.Problem;

class ProblemMappingTest {

    @Test
    void domainErrorsMapToTheirStatus() {
        assertEquals(404, ApiDispatcher.toProblem(new NotFoundException("account", "x")).status());
        assertEquals(403, ApiDispatcher.toProblem(new AccessDeniedException("no")).status());
        assertEquals(412, ApiDispatcher.toProblem(new StaleVersionException("account", "x", 1, 2)).status());
        Problem conflict = ApiDispatcher.toProblem(new ConflictException("username", "taken"));
        assertEquals(409, conflict.status());
        assertEquals("username", conflict.field());
    }

    @Test
    void validationNamesTheFirstFieldAndListsAll() {
        Problem p = ApiDispatcher.toProblem(new ValidationException(List.of(new Violation("country", "bad"),
                new Violation("currency", "bad"))));
        assertEquals(400, p.status());
        assertEquals("country", p.field());
        assertEquals(2, p.errors().size());
    }

    @Test
    void faultsRevealNoInternals() {
        Problem p = ApiDispatcher.toProblem(new IllegalStateException("password=secret in SQL"));
        assertEquals(500, p.status());
        assertFalse(p.detail().contains("secret"));
    }
}
