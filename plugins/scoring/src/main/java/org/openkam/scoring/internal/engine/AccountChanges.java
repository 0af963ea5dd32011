package org.openkam.scoring.internal.engine;

import org.openkam.api.engagement.EngagementEvents;
import org.openkam.api.event.AccountEvents;
import org.openkam.api.pipeline.PipelineEvents;
import org.openkam.api.plan.PlanEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Passes accounts whose facts changed to the engine for rescoring: created, changed and imported accounts, and changes of
 * their plans, opportunities and activities (relationship stage, plan completion, pipeline, competitive position,
 * last activity). Follow-ups, contacts and team members are no facts. Returns at once.
 */
@Component(property = {
    EventConstants.EVENT_TOPIC + "=org/openkam/account/*",
    EventConstants.EVENT_TOPIC + "=" + PlanEvents.PLAN_CHANGED,
    EventConstants.EVENT_TOPIC + "=" + PipelineEvents.OPPORTUNITY_CHANGED,
    EventConstants.EVENT_TOPIC + "=" + EngagementEvents.ACTIVITY_CHANGED})
public final class AccountChanges implements EventHandler {

    private final ScoringEngine engine;

    @Activate
    public AccountChanges(@Reference ScoringEngine engine) {
        this.engine = engine;
    }

    @Override
    public void handleEvent(Event event) {
        if (AccountEvents.ACCOUNT_DELETED.equals(event.getTopic())) {
            return; // nothing left to score; the account's scores stay as history
        }
        if (AccountEvents.ACCOUNTS_IMPORTED.equals(event.getTopic())) {
            engine.unitImported((String) event.getProperty(AccountEvents.BUSINESS_UNIT));
            return;
        }
        engine.accountChanged((String) event.getProperty(AccountEvents.ACCOUNT_ID),
                (String) event.getProperty(AccountEvents.BUSINESS_UNIT));
    }
}
