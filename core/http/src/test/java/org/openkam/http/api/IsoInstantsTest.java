package org.openkam.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2027-03-31T08:15:30Z", "2027-03-31T08:15:30.250Z",
        "2027-03-31T08:15:30.000250Z", "2027-03-31T08:15:30.000000250Z", "2028-02-29T23:59:59.999999999Z",
        "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.500Z", "0001-01-01T00:00:00Z"})
    void writesWhatInstantToStringWrites(String text) {
        Instant instant = Instant.parse(text);
        assertEquals(instant.toString(), IsoInstants.format(instant));
        assertEquals(text, IsoInstants.format(instant));
    }

    @Test
    void agreesWithInstantToStringAcrossTheYearsAndFractions() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertEquals(instant.toString(), IsoInstants.format(instant));
        }
    }
}
