package org.openkam.api.scoring;

/** Whether the engine calls a model. */
public enum ModelState {
    /** Called for every business unit it is enabled for. */
    ACTIVE,
    /** Not called: it exceeded its time budget or failed too often; an administrator may release it. */
    QUARANTINED
}
