package org.openkam.api.organization;

import java.util.List;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The business units. Callers see the units they hold a role in; administrators see and create all. */
@ProviderType
public interface BusinessUnits {

    List<BusinessUnit> list(Caller caller);

    BusinessUnit get(Caller caller, String id);

    /** Creates a unit; administrators only. */
    BusinessUnit create(Caller caller, BusinessUnitDraft draft);

    /** Renames or re-describes a unit; its administrators or a global one. The id never changes. */
    BusinessUnit update(Caller caller, String id, long expectedVersion, BusinessUnitDraft draft);
}
