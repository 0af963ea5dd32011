package org.openkam.api.overview;

import java.time.LocalDate;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Builds account overviews; scoped like the account itself (another unit's account is not found). */
@ProviderType
public interface AccountOverviews {

    AccountOverview overview(Caller caller, String accountId, LocalDate today);
}
