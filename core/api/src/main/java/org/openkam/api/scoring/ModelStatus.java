package org.openkam.api.scoring;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An installed scoring model as the engine sees it.
 *
 * @param id the model's id
 * @param version the installed version
 * @param description the description of the instance enabled nowhere, else of any instance
 * @param state whether the engine calls it
 * @param reason why it is quarantined (or what failed last while it is active), or {@code null}
 * @param since when the state last changed, or {@code null} if it never did
 * @param consecutiveFailures failed calls since the last good one
 * @param units the business units it is enabled for, each with that unit's instance description (its
 *        parameters); {@code *} stands for every unit without an instance of its own
 */
public record ModelStatus(String id, String version, ModelDescription description, ModelState state, String reason,
        Instant since, int consecutiveFailures, Map<String, ModelDescription> units) {

    public ModelStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(state, "state");
        units = units == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(units));
    }
}
