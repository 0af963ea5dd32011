package org.openkam.api.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openkam.api.Violations;

/**
 * The editable fields of an account plan, as a caller supplies them. Objectives, strategies and actions
 * without an id are new; those with an id keep it (on update it must be one of the plan's own).
 * {@link #normalized()} trims and fills defaults; {@link #validate()} reports every rule the draft breaks,
 * named by wire field ({@code objectives[0].strategies[1].actions[2].description}).
 */
public record AccountPlanDraft(String title, PlanPeriod period, PlanStatus status,
        RelationshipStage relationshipStage, Swot swot, List<Objective> objectives) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_OBJECTIVES = 20;
    /** Across all strategies of all objectives. */
    public static final int MAX_ACTIONS = 300;

    public AccountPlanDraft {
        swot = swot == null ? Swot.EMPTY : swot;
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }

    /** Trimmed texts (blank becomes absent), status draft and actions open when absent. */
    public AccountPlanDraft normalized() {
        return new AccountPlanDraft(Texts.clean(title), period, status == null ? PlanStatus.DRAFT : status,
                relationshipStage, swot.normalized(), objectives.stream().map(Objective::normalized).toList());
    }

    /** Every rule this draft breaks, named by field. Validate a {@link #normalized()} draft. */
    public Violations validate() {
        Violations v = new Violations().required("title", title, MAX_TITLE);
        if (period == null) {
            v.add("period", "is required");
        } else {
            period.validate("period", v);
        }
        v.required("status", status).required("relationshipStage", relationshipStage);
        swot.validate("swot", v);
        if (objectives.size() > MAX_OBJECTIVES) {
            v.add("objectives", "must have at most " + MAX_OBJECTIVES + " items");
        }
        if (actions().size() > MAX_ACTIONS) {
            v.add("objectives", "must have at most " + MAX_ACTIONS + " actions in all");
        }
        for (int i = 0; i < objectives.size(); i++) {
            objectives.get(i).validate("objectives[" + i + "]", v);
        }
        uniqueIds(v);
        return v;
    }

    /** Every action of every strategy of every objective, in plan order. */
    public List<PlanAction> actions() {
        return AccountPlan.actions(objectives);
    }

    /** An id names one element of the plan only. */
    private void uniqueIds(Violations v) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < objectives.size(); i++) {
            Objective o = objectives.get(i);
            String at = "objectives[" + i + "]";
            unique(v, seen, at, o.id());
            for (int j = 0; j < o.strategies().size(); j++) {
                Strategy s = o.strategies().get(j);
                String sAt = at + ".strategies[" + j + "]";
                unique(v, seen, sAt, s.id());
                for (int k = 0; k < s.actions().size(); k++) {
                    unique(v, seen, sAt + ".actions[" + k + "]", s.actions().get(k).id());
                }
            }
        }
    }

    private static void unique(Violations v, Set<String> seen, String field, String id) {
        if (id != null && !seen.add(id)) {
            v.add(field + ".id", "is used more than once in this plan");
        }
    }
}
