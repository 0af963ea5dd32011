package org.openkam.http.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it ({@code 2027-03-31T08:15:30.250Z}: seconds always, the
 * fraction in groups of three digits as needed), built directly for the years 1970 to 9999. A list of accounts
 * writes two instants an account, and the JDK's formatter was an eighth of the answer's time.
 */
final class IsoInstants {

    /** 10000-01-01T00:00:00Z: from here on the year has five digits and a sign. */
    private static final long YEAR_10000 = 253_402_300_800L;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoInstants() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            return instant.toString();
        }
        LocalDate day = LocalDate.ofEpochDay(seconds / 86_400);
        int second = (int) (seconds % 86_400);
        int nano = instant.getNano();
        StringBuilder out = new StringBuilder(30);
        digits(out, day.getYear(), 4).append('-');
        digits(out, day.getMonthValue(), 2).append('-');
        digits(out, day.getDayOfMonth(), 2).append('T');
        digits(out, second / 3_600, 2).append(':');
        digits(out, second / 60 % 60, 2).append(':');
        digits(out, second % 60, 2);
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    /** {@code value} (0 or more) with leading zeros to {@code width} digits. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int digit = width - 1; digit > 0 && value < POWERS[digit]; digit--) {
            out.append('0');
        }
        return out.append(value);
    }
}
