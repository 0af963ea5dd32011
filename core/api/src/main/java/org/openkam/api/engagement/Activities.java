package org.openkam.api.engagement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Calls, meetings, visits and e-mails with the customer's people. Scoped through their account, audited
 * (entity type {@code activity}) and posted as {@link EngagementEvents#ACTIVITY_CHANGED}.
 *
 * <p>Creating or changing an activity reports, without refusing it, each other team member who contacted
 * or plans to contact one of its contacts within the coordination window (configuration
 * {@code org.openkam.engagement}, {@code coordination.days}, default 7) before or after it.
 */
@ProviderType
public interface Activities {

    /** The account's activities, newest first. */
    Page<Activity> list(Caller caller, String accountId, ActivityQuery query);

    Activity get(Caller caller, String accountId, String activityId);

    /** Logs or plans an activity; participants default to the caller. */
    ActivityRecorded create(Caller caller, String accountId, ActivityDraft draft);

    ActivityRecorded update(Caller caller, String accountId, String activityId, long expectedVersion,
            ActivityDraft draft);

    void delete(Caller caller, String accountId, String activityId, long expectedVersion);

    /**
     * The coordination warnings that saving {@code draft} would answer with, saving nothing: a person sees them
     * before deciding to save. Checks the draft like a save would.
     *
     * @param activityId the activity the draft would change, or {@code null} for a new one
     * @since 1.1
     */
    List<CoordinationWarning> coordination(Caller caller, String accountId, String activityId, ActivityDraft draft);

    /** The account's latest activity that took place, if any. */
    Optional<Activity> lastActivity(Caller caller, String accountId);

    /**
     * The latest activity that took place of many accounts at once, for passes over many accounts: by account id,
     * for the accounts among {@code accountIds} that the caller may read and that have one; the others are left out.
     *
     * @since 1.2
     */
    default Map<String, Activity> lastActivities(Caller caller, Collection<String> accountIds) {
        Map<String, Activity> out = new HashMap<>();
        for (String id : accountIds) {
            try {
                lastActivity(caller, id).ifPresent(a -> out.put(id, a));
            } catch (NotFoundException e) {
                // not readable by the caller, or gone: left out
            }
        }
        return out;
    }
}
