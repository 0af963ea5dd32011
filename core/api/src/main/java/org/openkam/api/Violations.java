package org.openkam.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the violations of one input so that a caller learns about every bad field at once.
 * The domain records use it in their {@code validate()} methods; services throw what it collected.
 */
public final class Violations {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    /** Requires a non-blank text of at most {@code max} characters. */
    public Violations required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        return maxLength(field, value, max);
    }

    /** Requires a non-null value. */
    public Violations required(String field, Object value) {
        return value == null ? add(field, "is required") : this;
    }

    /** A whole number from {@code min} to {@code max}, if present. */
    public Violations range(String field, Integer value, int min, int max) {
        return value != null && (value < min || value > max)
                ? add(field, "must be a whole number from " + min + " to " + max) : this;
    }

    public Violations maxLength(String field, String value, int max) {
        return value != null && value.length() > max ? add(field, "must be at most " + max + " characters") : this;
    }

    /** An ISO 3166-1 alpha-2 code in upper case, if present. */
    public Violations country(String field, String value) {
        return value != null && !COUNTRIES.contains(value)
                ? add(field, "must be an ISO 3166-1 alpha-2 country code such as DE or US") : this;
    }

    /** An ISO 4217 currency code, if present. */
    public Violations currency(String field, String value) {
        if (value == null) {
            return this;
        }
        try {
            if (value.length() == 3 && Currency.getInstance(value).getCurrencyCode().equals(value)) {
                return this;
            }
        } catch (IllegalArgumentException e) {
            // not a currency: reported below
        }
        return add(field, "must be an ISO 4217 currency code such as EUR or USD");
    }

    /** An amount of money with at most {@code 4} decimals and 15 integer digits; negative only if allowed. */
    public Violations money(String field, BigDecimal value, boolean negativeAllowed) {
        if (value == null) {
            return this;
        }
        if (!negativeAllowed && value.signum() < 0) {
            add(field, "must not be negative");
        }
        if (value.scale() > 4) {
            add(field, "must have at most 4 decimal places");
        }
        if (value.precision() - value.scale() > 15) {
            add(field, "must be below 10^15");
        }
        return this;
    }

    public Violations email(String field, String value) {
        return value != null && !EMAIL.matcher(value).matches() ? add(field, "must be an e-mail address") : this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link ValidationException} with every violation collected, if any. */
    public void throwIfAny() {
        ValidationException.throwIfAny(found);
    }
}
