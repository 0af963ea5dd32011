package org.openkam.api.engagement;

import java.util.List;
import java.util.Objects;

/**
 * A stored activity and what the team should coordinate about it. The warnings do not block: the
 * activity is stored either way.
 */
public record ActivityRecorded(Activity activity, List<CoordinationWarning> coordinationWarnings) {

    public ActivityRecorded {
        Objects.requireNonNull(activity, "activity");
        coordinationWarnings = coordinationWarnings == null ? List.of() : List.copyOf(coordinationWarnings);
    }
}
