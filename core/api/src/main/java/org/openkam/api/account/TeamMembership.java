package org.openkam.api.account;

import java.util.Objects;

/**
 * A place a user serves in an account's team, with what a list of "my accounts" shows of the account.
 *
 * @param accountId the account served
 * @param accountName its name
 * @param businessUnit its owning business unit
 * @param tier its key-account tier
 * @param function what the user does in the team
 * @param responsible whether the user is the one responsible for that function
 */
public record TeamMembership(String accountId, String accountName, String businessUnit, KeyAccountTier tier,
        TeamFunction function, boolean responsible) {

    public TeamMembership {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(businessUnit, "businessUnit");
        Objects.requireNonNull(function, "function");
    }
}
