package org.openkam.scoring.internal.store;

import java.math.BigDecimal;

/** Where an account's current score by a model places it: the score and its class, without the explanation. */
public record Placement(String accountId, BigDecimal score, String classId) {
}
