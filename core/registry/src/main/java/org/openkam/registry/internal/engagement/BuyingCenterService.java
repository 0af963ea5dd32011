package org.openkam.registry.internal.engagement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.openkam.api.Caller;
import org.openkam.api.engagement.BuyingCenter;
import org.openkam.api.engagement.BuyingCenters;
import org.openkam.api.persistence.Database;
import org.openkam.registry.internal.account.AccountAccess;
import org.openkam.registry.internal.account.ContactRows;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads an account's contacts, team and last contacts and hands them to {@link BuyingCenterAnalysis}. Shares
 * its configuration with {@link ActivityService}, which declares it.
 */
@Component(service = BuyingCenters.class, configurationPid = ActivityService.PID)
public final class BuyingCenterService implements BuyingCenters {

    private final Transactions transactions;
    private final int freshnessDays;

    @Activate
    public BuyingCenterService(@Reference Database database, EngagementConfig config) {
        this.transactions = new Transactions(database.dataSource(), null);
        this.freshnessDays = config.freshness_days();
    }

    @Override
    public BuyingCenter buyingCenter(Caller caller, String accountId, LocalDate today) {
        return transactions.read(tx -> {
            AccountAccess.readable(tx, caller, accountId);
            Set<String> team = new HashSet<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT user_id FROM team_member WHERE account_id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        team.add(rs.getString(1));
                    }
                }
            }
            return BuyingCenterAnalysis.of(ContactRows.list(tx, accountId), ActivityRows.lastContacts(tx, accountId),
                    team, today, freshnessDays);
        });
    }
}
