package org.openkam.scoring.internal.engine;

import org.openkam.api.event.AccountEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Passes created and changed accounts to the engine for rescoring; returns at once. */
@Component(property = EventConstants.EVENT_TOPIC + "=org/openkam/account/*")
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
        engine.accountChanged((String) event.getProperty(AccountEvents.ACCOUNT_ID),
                (String) event.getProperty(AccountEvents.BUSINESS_UNIT));
    }
}
