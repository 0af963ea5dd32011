package org.openkam.api.pipeline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.openkam.api.Violations;
import org.openkam.api.account.AccountDraft;

/**
 * The editable fields of an opportunity, as a caller supplies them. {@link #normalized()} trims and
 * canonicalizes; {@link #validate(List)} reports every rule the draft breaks, named by wire field.
 *
 * @param probability percent 0 to 100 overriding the stage's default, or {@code null} for the default
 * @param owner a user id; {@code null} means the caller on creation and the current owner on an update
 */
public record OpportunityDraft(String name, String description, BigDecimal value, String currency, String stage,
        Integer probability, LocalDate expectedCloseDate, String nextStep, LocalDate nextStepDue,
        OurPosition ourPosition, List<Competitor> competitors, String owner) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_NEXT_STEP = 500;
    /** The customer's two or three other top suppliers, with room for a crowded tender. */
    public static final int MAX_COMPETITORS = 10;

    public OpportunityDraft {
        competitors = competitors == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(competitors));
    }

    /** Trimmed texts (blank becomes absent), upper-case currency, lower-case stage, amounts without trailing zeros. */
    public OpportunityDraft normalized() {
        String s = clean(stage);
        String c = clean(currency);
        return new OpportunityDraft(clean(name), clean(description), AccountDraft.canonical(value),
                c == null ? null : c.toUpperCase(Locale.ROOT), s == null ? null : s.toLowerCase(Locale.ROOT),
                probability, expectedCloseDate, clean(nextStep), nextStepDue, ourPosition,
                competitors.stream().map(k -> k == null ? null : k.normalized()).collect(Collectors.toList()),
                clean(owner));
    }

    /**
     * Every rule this draft breaks, given the configured stages. Drafts only ever describe open
     * opportunities, so a next step with a due date is always required. Validate a {@link #normalized()} draft.
     */
    public Violations validate(List<PipelineStage> stages) {
        Violations v = new Violations()
                .required("name", name, MAX_NAME)
                .maxLength("description", description, MAX_DESCRIPTION)
                .required("value", value)
                .money("value", value, false);
        if (value != null && value.signum() == 0) {
            v.add("value", "must be greater than 0");
        }
        v.required("currency", currency).currency("currency", currency);
        if (stage == null) {
            v.add("stage", "is required; one of " + ids(stages));
        } else if (PipelineStage.find(stages, stage).isEmpty()) {
            v.add("stage", "must be one of " + ids(stages));
        }
        if (probability != null && (probability < 0 || probability > 100)) {
            v.add("probability", "must be a percentage from 0 to 100");
        }
        v.required("expectedCloseDate", expectedCloseDate)
                .required("nextStep", nextStep, MAX_NEXT_STEP)
                .required("nextStepDue", nextStepDue)
                .required("ourPosition", ourPosition)
                .maxLength("owner", owner, 64);
        competitors(v);
        return v;
    }

    /** The probability the opportunity gets: the override, else the stage's default; {@code null} for an unknown stage. */
    public Integer effectiveProbability(List<PipelineStage> stages) {
        if (probability != null) {
            return probability;
        }
        return PipelineStage.find(stages, stage).map(PipelineStage::probability).orElse(null);
    }

    private void competitors(Violations v) {
        if (competitors.size() > MAX_COMPETITORS) {
            v.add("competitors", "must list at most " + MAX_COMPETITORS + " competitors");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < competitors.size(); i++) {
            String at = "competitors[" + i + "]";
            Competitor c = competitors.get(i);
            if (c == null) {
                v.add(at, "is required");
                continue;
            }
            v.required(at + ".name", c.name(), Competitor.MAX_NAME)
                    .maxLength(at + ".strengths", c.strengths(), Competitor.MAX_TEXT)
                    .maxLength(at + ".weaknesses", c.weaknesses(), Competitor.MAX_TEXT);
            if (c.name() != null) {
                Integer first = seen.putIfAbsent(c.name().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    v.add(at + ".name", "is already listed as competitors[" + first + "]");
                }
            }
        }
    }

    private static String ids(List<PipelineStage> stages) {
        return stages.stream().map(PipelineStage::id).collect(Collectors.joining(", "));
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
