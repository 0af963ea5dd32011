package org.openkam.api.scoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.Caller;
import org.openkam.api.job.Job;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The scoring engine's service: installed models and their state, rescoring, and the stored scores. Scoped
 * like the registry: accounts and units outside the caller's business units do not exist for the caller.
 */
@ProviderType
public interface Scoring {

    /** The default number of history entries {@link #history} returns. */
    int DEFAULT_HISTORY = 20;
    /** The most history entries {@link #history} returns. */
    int MAX_HISTORY = 500;

    /** Every installed model; the units listed are those the caller may read (all for an administrator). */
    List<ModelStatus> models(Caller caller);

    /** One installed model. */
    ModelStatus model(Caller caller, String modelId);

    /**
     * Starts rescoring every account of a unit with every model enabled for it, as a job whose progress
     * {@link org.openkam.api.job.Jobs#get} reports. If a rescoring of the unit is already running on this
     * node, that job is returned. Needs edit rights in the unit.
     *
     * @throws org.openkam.api.ConflictException if no active model is enabled for the unit
     */
    Job rescore(Caller caller, String businessUnit);

    /** The current score of an account by every model that scored it, model ids in order. */
    List<ScoreRecord> scores(Caller caller, String accountId);

    /**
     * The current score by one model of each of the accounts that the caller may read and the model scored, by
     * account id; other ids are left out (no exception). The bulk read of callers that hold many accounts (rollups):
     * the engine answers with one query per few hundred ids. The default asks {@link #scores} per account, so other
     * implementations keep compiling; override it.
     *
     * @since 1.1
     */
    default Map<String, ScoreRecord> currentScores(Caller caller, String modelId, Collection<String> accountIds) {
        Map<String, ScoreRecord> out = new HashMap<>();
        for (String id : accountIds) {
            try {
                scores(caller, id).stream().filter(r -> r.modelId().equals(modelId)).findFirst()
                        .ifPresent(r -> out.put(id, r));
            } catch (org.openkam.api.NotFoundException e) {
                // an account the caller may not read is left out
            }
        }
        return out;
    }

    /** An account's scores by one model, newest first, at most {@code limit} (1 to {@link #MAX_HISTORY}). */
    List<ScoreRecord> history(Caller caller, String accountId, String modelId, int limit);

    /**
     * Lifts a model's quarantine, so the next run calls it again; administrators only.
     *
     * @return the model's status afterwards
     */
    ModelStatus release(Caller caller, String modelId);
}
