package org.openkam.registry.internal.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openkam.api.Caller;
import org.openkam.api.account.AccountQuery;
import org.openkam.api.account.AccountSort;
import org.openkam.api.account.KeyAccountTier;
import org.openkam.api.persistence.Dialect;
import org.openkam.registry.internal.db.SqlDatabase;

/**
 * How H2 reads a unit's accounts by name or by last change: in the order of {@code account_unit_name} or {@code
 * account_unit_updated}, so that a page stops after its rows instead of sorting the whole unit first. The plan is
 * asserted, since its cost shows only with large units.
 */
class AccountFilterPlanTest {

    private static final Caller ADMIN = new Caller("admin-id", "admin", true, Map.of());

    private final JdbcDataSource h2 = new JdbcDataSource();
    {
        h2.setURL("jdbc:h2:mem:plan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        new SqlDatabase(h2, null).migrate(AccountService.class);
    }

    private String plan(AccountQuery query, boolean paged) throws SQLException {
        return explain(AccountFilter.of(ADMIN, query).pageSql(paged, Dialect.H2));
    }

    private String explain(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, "x");
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static AccountQuery byName(String unit, boolean descending) {
        return new AccountQuery(unit, null, null, null, null, null, AccountSort.NAME, descending, 50, 0, null, false);
    }

    @ParameterizedTest
    @CsvSource({"true, false", "true, true", "false, false", "false, true"})
    void aUnitsAccountsByNameAreReadInTheIndexOrderWithoutASort(boolean paged, boolean descending)
            throws SQLException {
        String plan = plan(byName("unit-a", descending), paged);
        assertTrue(plan.contains("account_unit_name"), plan);
        assertTrue(plan.contains("/* index sorted */"), "no sort of the whole unit: " + plan);
    }

    @ParameterizedTest
    @CsvSource({"true, false", "true, true", "false, false", "false, true"})
    void aUnitsAccountsByLastChangeAreReadInTheIndexOrderWithoutASort(boolean paged, boolean descending)
            throws SQLException {
        String plan = plan(new AccountQuery("unit-a", null, null, null, null, null, AccountSort.UPDATED_AT,
                descending, 50, 0, null, false), paged);
        assertTrue(plan.contains("account_unit_updated"), plan);
        assertTrue(plan.contains("/* index sorted */"), "no sort of the whole unit: " + plan);
    }

    @ParameterizedTest
    @CsvSource({"KEY, true", "STRATEGIC, true", "KEY, false", "STRATEGIC, false"})
    void aUnitsKeyOrStrategicAccountsAreReadOffTheTiersIndexNotTheWholeUnit(KeyAccountTier tier, boolean paged)
            throws SQLException {
        String plan = plan(new AccountQuery("unit-a", tier, null, null, null, null, AccountSort.NAME, false, 50, 0,
                null, false), paged);
        assertTrue(plan.contains("account_unit_tier: business_unit = ?") && plan.contains("AND tier = ?"), plan);
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aManagersOwnAccountsAreReadOffTheOwnersIndexEvenOfAKeyTier(boolean paged) throws SQLException {
        String plan = plan(new AccountQuery("unit-a", KeyAccountTier.KEY, "user-1", null, null, null, AccountSort.NAME,
                false, 50, 0, null, false), paged);
        assertTrue(plan.contains("account_owner: owner_id = ?"), plan);
    }

    @Test
    void aManagersOrAKeyTiersAccountsAreCountedOffTheirIndexTooTheUnitsByTheDatabasesChoice() throws SQLException {
        AccountQuery mine = new AccountQuery("unit-a", KeyAccountTier.NONE, "user-1", null, null, null,
                AccountSort.NAME, false, 50, 0, null, true);
        assertTrue(explain(AccountFilter.of(ADMIN, mine).countSql(Dialect.H2)).contains("account_owner: owner_id = ?"));
        AccountQuery key = new AccountQuery("unit-a", KeyAccountTier.KEY, null, null, null, null, AccountSort.NAME,
                false, 50, 0, null, true);
        assertTrue(explain(AccountFilter.of(ADMIN, key).countSql(Dialect.H2)).contains("account_unit_tier"));
        AccountQuery unit = new AccountQuery("unit-a", null, null, null, null, null, AccountSort.NAME, false, 50, 0,
                null, true);
        assertFalse(AccountFilter.of(ADMIN, unit).countSql(Dialect.H2).contains("USE INDEX"));
        assertFalse(AccountFilter.of(ADMIN, mine).countSql(Dialect.POSTGRESQL).contains("USE INDEX"));
    }

    @Test
    void theUnitsOtherAccountsAreStillReadInTheNameIndexOrder() throws SQLException {
        String plan = plan(new AccountQuery("unit-a", KeyAccountTier.NONE, null, null, null, null, AccountSort.NAME,
                false, 50, 0, null, false), true);
        assertTrue(plan.contains("account_unit_name") && plan.contains("/* index sorted */"), plan);
    }

    /** The table's row order: the unit's index entries follow it, and no index on names sends the reads elsewhere. */
    @Test
    void aWholeUnitInNoOrderIsReadOffTheIndexOnTheUnitAloneWithoutASort() throws SQLException {
        try (Connection c = h2.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + AccountService.IN_UNIT)) {
            ps.setString(1, "unit-a");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                // the foreign key's index, named by H2
                assertTrue(plan.matches("(?s).*/\\* public\\.CONSTRAINT_INDEX_\\w+: business_unit = \\?1 \\*/.*"),
                        plan);
                assertFalse(plan.contains("account_unit_name") || plan.contains("account_name"), plan);
                assertFalse(plan.contains("ORDER BY"), plan);
            }
        }
    }

    @Test
    void otherOrdersAndOtherDatabasesGetNoHint() {
        AccountQuery bySales = new AccountQuery("unit-a", null, null, null, null, null, AccountSort.ANNUAL_SALES,
                false, 50, 0, null, false);
        assertFalse(AccountFilter.of(ADMIN, bySales).pageSql(true, Dialect.H2).contains("USE INDEX"));
        assertFalse(AccountFilter.of(ADMIN, byName("unit-a", false)).pageSql(true, Dialect.POSTGRESQL)
                .contains("USE INDEX"), "PostgreSQL has no such syntax");
    }
}
