package org.openkam.api.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A configured sales stage and the probability an opportunity in it gets unless its owner overrides it.
 *
 * @param id lower-case id such as {@code propose}
 * @param probability the default win probability in percent, 0 to 100
 */
public record PipelineStage(String id, int probability) {

    /** A lower-case letter, then lower-case letters, digits or '-'; 40 characters at most. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public PipelineStage {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("stage id '" + id
                    + "' must start with a lower-case letter and use lower-case letters, digits or '-' (40 at most)");
        }
        if (probability < 0 || probability > 100) {
            throw new IllegalArgumentException("probability of stage " + id + " must be 0 to 100, not " + probability);
        }
    }

    /** The stage with this id, if configured. */
    public static Optional<PipelineStage> find(List<PipelineStage> stages, String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
