package org.openkam.registry.internal.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.openkam.api.Violations;
import org.openkam.api.persistence.Rows;
import org.openkam.api.plan.AccountPlan;
import org.openkam.api.plan.AccountPlanDraft;
import org.openkam.api.plan.Objective;
import org.openkam.api.plan.PlanAction;
import org.openkam.api.plan.Strategy;

/**
 * The ids of a plan's objectives, strategies and actions: the registry assigns them, and an update keeps
 * those the client sends back, so an action (and the follow-ups linked to it) keeps its identity across
 * plan versions.
 */
final class PlanIds {

    private PlanIds() {
    }

    /** Every element with a new id, whatever the draft carried (a new plan, perhaps copied from another). */
    static AccountPlanDraft fresh(AccountPlanDraft d) {
        return map(d, id -> Rows.newId());
    }

    /** Elements without an id get a new one; the others keep theirs. */
    static AccountPlanDraft filled(AccountPlanDraft d) {
        return map(d, id -> id == null ? Rows.newId() : id);
    }

    /** Reports ids the draft sends that are not ids of the same kind of element in {@code plan}. */
    static void requireKnown(AccountPlan plan, AccountPlanDraft d, Violations v) {
        Set<String> objectives = new HashSet<>();
        Set<String> strategies = new HashSet<>();
        Set<String> actions = new HashSet<>();
        for (Objective o : plan.objectives()) {
            objectives.add(o.id());
            o.strategies().forEach(s -> strategies.add(s.id()));
        }
        plan.actions().forEach(a -> actions.add(a.id()));
        List<Objective> os = d.objectives();
        for (int i = 0; i < os.size(); i++) {
            String at = "objectives[" + i + "]";
            known(v, at, os.get(i).id(), objectives, "an objective");
            List<Strategy> ss = os.get(i).strategies();
            for (int j = 0; j < ss.size(); j++) {
                String sAt = at + ".strategies[" + j + "]";
                known(v, sAt, ss.get(j).id(), strategies, "a strategy");
                List<PlanAction> as = ss.get(j).actions();
                for (int k = 0; k < as.size(); k++) {
                    known(v, sAt + ".actions[" + k + "]", as.get(k).id(), actions, "an action");
                }
            }
        }
    }

    private static void known(Violations v, String at, String id, Set<String> ids, String what) {
        if (id != null && !ids.contains(id)) {
            v.add(at + ".id", "is not " + what + " of this plan; leave the id out for a new one");
        }
    }

    private static AccountPlanDraft map(AccountPlanDraft d, UnaryOperator<String> id) {
        return new AccountPlanDraft(d.title(), d.period(), d.status(), d.relationshipStage(), d.swot(),
                d.objectives().stream().map(o -> new Objective(id.apply(o.id()), o.description(), o.metric(),
                        o.baseline(), o.target(), o.dueDate(), o.strategies().stream().map(s -> new Strategy(
                                id.apply(s.id()), s.description(), s.actions().stream().map(a -> new PlanAction(
                                        id.apply(a.id()), a.description(), a.owner(), a.dueDate(), a.status()))
                                        .toList())).toList())).toList());
    }
}
