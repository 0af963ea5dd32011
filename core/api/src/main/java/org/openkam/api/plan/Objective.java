package org.openkam.api.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.openkam.api.Violations;

/**
 * A measurable objective: move {@code metric} from {@code baseline} to {@code target} by {@code dueDate}.
 * An objective without a target is not measurable and is refused.
 *
 * @param id assigned by the registry; {@code null} in a draft for a new objective
 * @param description what is to be achieved
 * @param metric what is measured, e.g. {@code annual sales EUR} or {@code share of wallet %}
 * @param baseline the metric's value when the plan was made, if known
 * @param target the value to reach; required
 * @param dueDate when the target is to be reached, if set
 * @param strategies at most {@value #MAX_STRATEGIES} ways to get there
 */
public record Objective(String id, String description, String metric, BigDecimal baseline, BigDecimal target,
        LocalDate dueDate, List<Strategy> strategies) {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_METRIC = 100;
    public static final int MAX_STRATEGIES = 10;

    public Objective {
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }

    /** Trimmed texts, figures without trailing zeros ({@code 1200.50} becomes {@code 1200.5}). */
    public Objective normalized() {
        return new Objective(Texts.clean(id), Texts.clean(description), Texts.clean(metric),
                Texts.canonical(baseline), Texts.canonical(target), dueDate,
                strategies.stream().map(Strategy::normalized).toList());
    }

    Violations validate(String field, Violations v) {
        v.required(field + ".description", description, MAX_DESCRIPTION)
                .required(field + ".metric", metric, MAX_METRIC)
                .money(field + ".baseline", baseline, true)
                .required(field + ".target", target)
                .money(field + ".target", target, true);
        if (strategies.size() > MAX_STRATEGIES) {
            v.add(field + ".strategies", "must have at most " + MAX_STRATEGIES + " items");
        }
        for (int i = 0; i < strategies.size(); i++) {
            strategies.get(i).validate(field + ".strategies[" + i + "]", v);
        }
        return v;
    }
}
