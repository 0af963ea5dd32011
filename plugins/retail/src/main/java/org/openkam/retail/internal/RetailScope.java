package org.openkam.retail.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.account.Account;
import org.openkam.api.account.AccountRegistry;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.unit.UnitEnablement;

/**
 * Where a retail request applies: a retailer (an account the caller sees) or a business unit (one the caller holds
 * a role in), and only where retail is enabled. Anything else is not found, so a unit without retail sees none of
 * it; changes also need edit rights in the unit.
 */
final class RetailScope {

    /** A retailer account in a unit retail serves, with the unit's settings. */
    record Retailer(Account account, RetailSettings settings) {
        String id() {
            return account.id();
        }

        String unit() {
            return account.businessUnit();
        }
    }

    private final AccountRegistry accounts;
    private final BusinessUnits units;
    private final Supplier<List<Map.Entry<Map<String, Object>, RetailSettings>>> settings;

    RetailScope(AccountRegistry accounts, BusinessUnits units,
            Supplier<List<Map.Entry<Map<String, Object>, RetailSettings>>> settings) {
        this.accounts = accounts;
        this.units = units;
        this.settings = settings;
    }

    Retailer retailer(Caller caller, String accountId) {
        Account account = accounts.get(caller, accountId);
        return new Retailer(account, served(account.businessUnit())
                .orElseThrow(() -> new NotFoundException("retailer", accountId)));
    }

    Retailer editableRetailer(Caller caller, String accountId) {
        Retailer retailer = retailer(caller, accountId);
        requireEdit(caller, retailer.unit());
        return retailer;
    }

    /** The unit's settings, if the unit exists, the caller sees it and retail serves it. */
    RetailSettings unit(Caller caller, String unit) {
        if (!caller.canRead(unit)) {
            throw new NotFoundException("retail unit", unit);
        }
        RetailSettings found = served(unit).orElseThrow(() -> new NotFoundException("retail unit", unit));
        // businessUnit=* serves any name, and an administrator reads every unit: only the registry knows it exists.
        try {
            units.get(caller, unit);
        } catch (NotFoundException e) {
            throw new NotFoundException("retail unit", unit);
        }
        return found;
    }

    RetailSettings editableUnit(Caller caller, String unit) {
        RetailSettings settings = unit(caller, unit);
        requireEdit(caller, unit);
        return settings;
    }

    /** A retailer for a buying group of the unit: an account of that unit the caller sees, or {@code null}. */
    Account accountOf(Caller caller, String unit, String accountId) {
        try {
            Account account = accounts.get(caller, accountId);
            return unit.equals(account.businessUnit()) ? account : null;
        } catch (NotFoundException e) {
            return null;
        }
    }

    private Optional<RetailSettings> served(String unit) {
        List<Map.Entry<Map<String, Object>, RetailSettings>> instances = settings.get().stream()
                .sorted(Comparator.comparing(e -> (Long) e.getKey().get("service.id"))).toList(); // oldest first
        return UnitEnablement.serving(unit, instances, Map.Entry::getKey).map(Map.Entry::getValue);
    }

    private static void requireEdit(Caller caller, String unit) {
        if (!caller.canEdit(unit)) {
            throw new AccessDeniedException("changing retail data needs edit rights in " + unit);
        }
    }
}
