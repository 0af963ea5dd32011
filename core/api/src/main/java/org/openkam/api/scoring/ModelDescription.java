package org.openkam.api.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model instance rates, for people to read.
 *
 * @param name a short title, e.g. {@code ABC analysis}
 * @param summary what the score means, in a sentence or two
 * @param criteria one line per criterion: what it reads and how it is rated
 * @param parameters the instance's parameters by name, as text, in a stable order
 */
public record ModelDescription(String name, String summary, List<String> criteria, Map<String, String> parameters) {

    public ModelDescription {
        Objects.requireNonNull(name, "name");
        summary = summary == null ? "" : summary;
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        parameters.forEach((k, v) -> Objects.requireNonNull(v, () -> "parameter " + k));
    }
}
