package org.openkam.registry.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.openkam.api.ValidationException;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any cursor, in any sort order, is a position to continue after or a 400 naming {@code cursor}, decided before any
 * arithmetic or query; nothing else escapes. Seed inputs run in every build; {@code mvn verify} fuzzes for a short
 * while (see the module's pom).
 */
class AccountCursorFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void anyCursorIsAPositionOrRefusedByName(FuzzedDataProvider data) {
        AccountSort sort = data.pickValue(AccountSort.values());
        String cursor = data.consumeRemainingAsString();
        AccountQuery query = new AccountQuery(null, null, null, null, null, null, sort, false, 50, 0, cursor, false);
        try {
            AccountFilter.Position position = AccountFilter.forCursor(query).position();
            assertNotNull(position.value());
            assertNotNull(position.id());
        } catch (ValidationException refused) {
            assertEquals("cursor", refused.violations().get(0).field());
        }
    }
}
