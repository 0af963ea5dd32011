package org.openkam.retail.internal;

/**
 * A GS1 Global Trade Item Number: GTIN-8, -12 (UPC-A), -13 (EAN) or -14, digits only, the last one a check digit.
 * The check digit makes the weighted sum of all digits a multiple of 10, the weights alternating 3, 1, 3...
 * from the digit left of the check digit, so the rule is the same for every length.
 */
public final class Gtin {

    private Gtin() {
    }

    /** What is wrong with {@code text} as a GTIN, or {@code null} if it is one. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "is required";
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "must be digits only";
        }
        int length = text.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return "must have 8, 12, 13 or 14 digits (GTIN-8, GTIN-12, GTIN-13 or GTIN-14)";
        }
        int expected = checkDigit(text.substring(0, length - 1));
        int actual = text.charAt(length - 1) - '0';
        return expected == actual ? null : "has the check digit " + actual + " where " + expected + " is due";
    }

    public static boolean valid(String text) {
        return problem(text) == null;
    }

    /** The check digit for the digits before it. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
