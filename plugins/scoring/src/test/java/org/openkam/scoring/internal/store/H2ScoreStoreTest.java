package org.openkam.scoring.internal.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openkam.api.persistence.Work;
import org.openkam.testing.TestDatabase;

/** The score store on embedded H2, as the product runs by default. */
class H2ScoreStoreTest extends ScoreStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2(ScoreStore.class);

    @Override
    TestDatabase db() {
        return DB;
    }

    /** A page of a unit's placements is a range of one index, no sort of the unit: its cost shows only when large. */
    @Test
    void aPageOfPlacementsIsReadInTheOrderOfTheUnitsIndex() {
        Work<String> explain = tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("EXPLAIN " + ScoreStore.PLACEMENTS
                    + " LIMIT 500")) {
                for (int i = 1; i <= 3; i++) {
                    ps.setString(i, "x");
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        };
        String plan = DB.database().read(explain);
        assertTrue(plan.contains("scoring_current_unit"), plan);
        assertTrue(plan.contains("/* index sorted */"), "no sort of the whole unit: " + plan);
    }
}
