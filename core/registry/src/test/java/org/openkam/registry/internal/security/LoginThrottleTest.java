package org.openkam.registry.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(null, 5, Duration.ofSeconds(60));

    @Test
    void locksDoubleAfterTheAllowanceUpToADay() {
        assertEquals(Duration.ZERO, throttle.lockAfter(4));
        assertEquals(Duration.ofSeconds(60), throttle.lockAfter(5));
        assertEquals(Duration.ofSeconds(120), throttle.lockAfter(6));
        assertEquals(Duration.ofSeconds(480), throttle.lockAfter(8));
        assertEquals(Duration.ofDays(1), throttle.lockAfter(20));
        assertEquals(Duration.ofDays(1), throttle.lockAfter(500));
    }
}
