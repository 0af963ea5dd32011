package org.openkam.api.engagement;

import java.util.List;

import org.openkam.api.account.BuyingCenterRole;

/**
 * Where a buying center is thin.
 *
 * @param contacts how many contacts the account has
 * @param unfilledRoles the buying-center roles no contact holds, every role counting
 * @param keyContactsWithoutOwner key contacts (economic buyer, decision maker, or influence 4 or more)
 *        without a relationship owner who is on the account team
 * @param staleContacts contacts not met in a done activity within the freshness window; one never met counts from
 *        when it was recorded
 * @param freshnessDays the freshness window in days the report was made with
 */
public record Coverage(int contacts, List<BuyingCenterRole> unfilledRoles, List<ContactRef> keyContactsWithoutOwner,
        List<ContactRef> staleContacts, int freshnessDays) {

    public Coverage {
        unfilledRoles = List.copyOf(unfilledRoles);
        keyContactsWithoutOwner = List.copyOf(keyContactsWithoutOwner);
        staleContacts = List.copyOf(staleContacts);
    }

    /** How many gaps the report names: unfilled roles, unowned key contacts and stale contacts. */
    public int gaps() {
        return unfilledRoles.size() + keyContactsWithoutOwner.size() + staleContacts.size();
    }
}
