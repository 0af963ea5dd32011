package org.openkam.api.plan;

import java.util.List;

import org.openkam.api.Violations;

/**
 * The account's situation in four lists: our strengths and weaknesses with this customer, the opportunities
 * and threats around it. Each list holds at most {@value #MAX_ITEMS} texts of at most {@value #MAX_LENGTH}
 * characters.
 */
public record Swot(List<String> strengths, List<String> weaknesses, List<String> opportunities,
        List<String> threats) {

    public static final int MAX_ITEMS = 20;
    public static final int MAX_LENGTH = 500;
    public static final Swot EMPTY = new Swot(List.of(), List.of(), List.of(), List.of());

    public Swot {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        weaknesses = weaknesses == null ? List.of() : List.copyOf(weaknesses);
        opportunities = opportunities == null ? List.of() : List.copyOf(opportunities);
        threats = threats == null ? List.of() : List.copyOf(threats);
    }

    /** Every item trimmed. */
    public Swot normalized() {
        return new Swot(strip(strengths), strip(weaknesses), strip(opportunities), strip(threats));
    }

    /** Adds the rules this SWOT breaks, named below {@code field} (e.g. {@code swot.threats[2]}). */
    public Violations validate(String field, Violations v) {
        list(v, field + ".strengths", strengths);
        list(v, field + ".weaknesses", weaknesses);
        list(v, field + ".opportunities", opportunities);
        list(v, field + ".threats", threats);
        return v;
    }

    private static void list(Violations v, String field, List<String> items) {
        if (items.size() > MAX_ITEMS) {
            v.add(field, "must have at most " + MAX_ITEMS + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isBlank()) {
                v.add(field + "[" + i + "]", "must not be blank");
            } else {
                v.maxLength(field + "[" + i + "]", items.get(i), MAX_LENGTH);
            }
        }
    }

    private static List<String> strip(List<String> items) {
        return items.stream().map(String::strip).toList();
    }
}
