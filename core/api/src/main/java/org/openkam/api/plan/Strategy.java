package org.openkam.api.plan;

import java.util.List;

import org.openkam.api.Violations;

/**
 * How an objective is to be reached, broken into actions.
 *
 * @param id assigned by the registry; {@code null} in a draft for a new strategy
 * @param description the approach
 * @param actions at most {@value #MAX_ACTIONS} steps
 */
public record Strategy(String id, String description, List<PlanAction> actions) {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_ACTIONS = 25;

    public Strategy {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public Strategy normalized() {
        return new Strategy(Texts.clean(id), Texts.clean(description),
                actions.stream().map(PlanAction::normalized).toList());
    }

    Violations validate(String field, Violations v) {
        v.required(field + ".description", description, MAX_DESCRIPTION);
        if (actions.size() > MAX_ACTIONS) {
            v.add(field + ".actions", "must have at most " + MAX_ACTIONS + " items");
        }
        for (int i = 0; i < actions.size(); i++) {
            actions.get(i).validate(field + ".actions[" + i + "]", v);
        }
        return v;
    }
}
