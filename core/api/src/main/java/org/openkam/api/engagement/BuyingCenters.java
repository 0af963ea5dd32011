package org.openkam.api.engagement;

import java.time.LocalDate;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The buying center of an account, derived from its contacts, its team and its activities. The freshness
 * window is configuration {@code org.openkam.engagement}, {@code freshness.days} (default 90).
 */
@ProviderType
public interface BuyingCenters {

    /**
     * The org chart and coverage report as of {@code today}: a contact is stale if no done activity with
     * them took place on one of the {@code freshness.days} days before {@code today} or later (dates in UTC).
     */
    BuyingCenter buyingCenter(Caller caller, String accountId, LocalDate today);
}
