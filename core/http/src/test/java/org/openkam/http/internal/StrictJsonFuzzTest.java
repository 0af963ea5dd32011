package org.openkam.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.openkam.http.api.ProblemException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;

/**
 * Any request body, however malformed, is read as one JSON object or refused with a 400 problem naming a field;
 * nothing else escapes (no 500). In {@code mvn verify} this runs its seed inputs and then fuzzes for a short while
 * (see the module's pom); {@code JAZZER_FUZZ=1 mvn test -pl core/http -Dtest=StrictJsonFuzzTest
 * -Djazzer.max_duration=10m} fuzzes longer.
 */
class StrictJsonFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void aBodyIsOneObjectOrA400NamingItsField(byte[] body) throws IOException {
        try {
            JsonObject object = StrictJson.object(StrictJson.utf8(new ByteArrayInputStream(body)));
            assertNotNull(object);
        } catch (ProblemException refused) {
            assertEquals(400, refused.problem().status(), refused.problem().toString());
            assertNotNull(refused.problem().field(), refused.problem().toString());
        }
    }
}
