package org.openkam.api.scoring;

import java.util.Objects;

/**
 * The class a score puts an account in, e.g. a portfolio matrix cell or an ABC class.
 *
 * @param id a stable, machine-readable id, e.g. {@code high-medium} or {@code A}
 * @param label the class for people, e.g. {@code High attractiveness, medium strength}
 * @param recommendation what to do with accounts of this class, e.g. the matrix cell's strategy, or {@code null}
 */
public record Classification(String id, String label, String recommendation) {

    public Classification {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a classification needs an id");
        }
        Objects.requireNonNull(label, "label");
    }
}
