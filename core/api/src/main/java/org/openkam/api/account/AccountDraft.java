package org.openkam.api.account;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openkam.api.Violations;

/**
 * The editable fields of an account, as a caller supplies them. {@link #normalized()} trims and fills
 * defaults; {@link #validate()} reports every rule the draft breaks.
 */
public record AccountDraft(String businessUnit, String name, String legalName, String industry, String country,
        String region, AccountStatus status, KeyAccountTier tier, String owner, BigDecimal annualSales,
        BigDecimal contributionMargin, BigDecimal potential, String currency, Map<String, String> attributes) {

    /** Custom attribute keys: a letter, then letters, digits, '.', '_' or '-'. */
    public static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    public static final int MAX_ATTRIBUTES = 50;
    public static final int MAX_ATTRIBUTE_VALUE = 1000;

    /** Trimmed texts (blank becomes absent), upper-case codes, status prospect and tier none when absent. */
    public AccountDraft normalized() {
        return new AccountDraft(clean(businessUnit), clean(name), clean(legalName), clean(industry), upper(country),
                clean(region), status == null ? AccountStatus.PROSPECT : status,
                tier == null ? KeyAccountTier.NONE : tier, clean(owner), canonical(annualSales),
                canonical(contributionMargin), canonical(potential), upper(currency), attributes == null ? Map.of() : new LinkedHashMap<>(attributes));
    }

    /** Every rule this draft breaks, named by field. Validate a {@link #normalized()} draft. */
    public Violations validate() {
        Violations v = new Violations()
                .required("businessUnit", businessUnit, 40)
                .required("name", name, 200)
                .maxLength("legalName", legalName, 200)
                .maxLength("industry", industry, 100)
                .country("country", country)
                .maxLength("region", region, 100)
                .required("status", status)
                .required("tier", tier)
                .maxLength("owner", owner, 64)
                .money("annualSales", annualSales, false)
                .money("contributionMargin", contributionMargin, true)
                .money("potential", potential, false)
                .currency("currency", currency);
        if (currency == null && (annualSales != null || contributionMargin != null || potential != null)) {
            v.add("currency", "is required when annual sales, contribution margin or potential is given");
        }
        if (attributes != null) {
            if (attributes.size() > MAX_ATTRIBUTES) {
                v.add("attributes", "must have at most " + MAX_ATTRIBUTES + " entries");
            }
            attributes.forEach((key, value) -> {
                if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
                    v.add("attributes", "key '" + key + "' must start with a letter and use letters, digits, '.', '_' or '-' (64 at most)");
                } else if (value == null) {
                    v.add("attributes." + key, "must not be null");
                } else {
                    v.maxLength("attributes." + key, value, MAX_ATTRIBUTE_VALUE);
                }
            });
        }
        return v;
    }

    /** An amount without trailing zeros (1200.50 becomes 1200.5, 1E+3 becomes 1000), as the store returns it. */
    public static BigDecimal canonical(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String upper(String s) {
        String t = clean(s);
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }
}
