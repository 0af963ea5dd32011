package org.openkam.scoring.internal.engine;

import java.util.HashMap;
import java.util.Map;

import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.StoreException;
import org.openkam.api.scoring.ModelState;
import org.openkam.scoring.internal.store.ModelHealthRecord;
import org.openkam.scoring.internal.store.ModelHealthStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures and quarantine per model id and version. A call that exceeds its budget quarantines the model at
 * once (every further call would cost another thread); other failures quarantine it after {@code threshold}
 * in a row, and a good call resets the count. The state is kept in the database, so every node of a cluster
 * honours a quarantine, and it is reread before each run; a new version of a model starts afresh.
 */
final class ModelHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ModelHealth.class);
    private final ModelHealthStore store;
    private final int threshold;
    private final Map<String, ModelHealthRecord> states = new HashMap<>();

    ModelHealth(ModelHealthStore store, int threshold) {
        this.store = store;
        this.threshold = threshold;
    }

    /** Rereads what every node recorded. */
    synchronized void refresh() {
        states.clear();
        for (ModelHealthRecord r : store.all()) {
            states.put(key(r.modelId(), r.modelVersion()), r);
        }
    }

    /** The health of a model version; active without failures if nothing was recorded. */
    synchronized ModelHealthRecord get(String id, String version) {
        ModelHealthRecord r = states.get(key(id, version));
        return r != null ? r : new ModelHealthRecord(id, version, ModelState.ACTIVE, 0, null, null);
    }

    synchronized boolean quarantined(String id, String version) {
        return get(id, version).state() == ModelState.QUARANTINED;
    }

    /** A good call: the failure count starts again. */
    synchronized void succeeded(String id, String version) {
        ModelHealthRecord r = get(id, version);
        if (r.failures() > 0 && r.state() == ModelState.ACTIVE) {
            put(new ModelHealthRecord(id, version, ModelState.ACTIVE, 0, r.reason(), Rows.now()));
        }
    }

    /**
     * A failed call.
     *
     * @return {@code true} if it put the model in quarantine
     */
    synchronized boolean failed(String id, String version, String reason) {
        ModelHealthRecord r = get(id, version);
        if (r.state() == ModelState.QUARANTINED) {
            return false;
        }
        int failures = r.failures() + 1;
        if (failures >= threshold) {
            put(new ModelHealthRecord(id, version, ModelState.QUARANTINED, failures,
                    failures + " call(s) in a row failed; the last " + reason, Rows.now()));
            LOG.warn("Scoring model {} {} quarantined: {} failed calls in a row, the last {}", id, version, failures,
                    reason);
            return true;
        }
        put(new ModelHealthRecord(id, version, ModelState.ACTIVE, failures, reason, Rows.now()));
        return false;
    }

    /** Quarantines a model version at once. */
    synchronized void quarantine(String id, String version, String reason) {
        ModelHealthRecord r = get(id, version);
        put(new ModelHealthRecord(id, version, ModelState.QUARANTINED, r.failures() + 1, reason, Rows.now()));
        LOG.warn("Scoring model {} {} quarantined: {}", id, version, reason);
    }

    /** Lifts the quarantine and forgets the failures. */
    synchronized void release(String id, String version) {
        put(new ModelHealthRecord(id, version, ModelState.ACTIVE, 0, null, Rows.now()));
        LOG.info("Scoring model {} {} released from quarantine", id, version);
    }

    private void put(ModelHealthRecord r) {
        states.put(key(r.modelId(), r.modelVersion()), r);
        try {
            store.put(r);
        } catch (StoreException e) {
            // this node still honours it; the others learn it with the next write
            LOG.error("Could not store the state of scoring model {} {}", r.modelId(), r.modelVersion(), e);
        }
    }

    private static String key(String id, String version) {
        return id + "\n" + version;
    }
}
