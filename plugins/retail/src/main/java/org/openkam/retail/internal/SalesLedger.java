package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;

/** Reads the imported sell-in (shipments) and sell-out (scanned consumer sales) of a retailer. */
public final class SalesLedger {

    private final Database database;

    public SalesLedger(Database database) {
        this.database = database;
    }

    /** The Monday of the week {@code day} falls in: weeks are keyed by their first day. */
    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The sell-out of the products at the retailer's stores (of one banner if {@code bannerId} is not {@code null})
     * in each of the {@code weeks} weeks before the week of {@code before}, oldest first; a week without rows is 0.
     */
    public List<BigDecimal> weeklySellOut(String retailerId, String bannerId, List<String> productIds, LocalDate before,
            int weeks) {
        LocalDate end = weekOf(before);
        LocalDate start = end.minusWeeks(weeks);
        Map<LocalDate, BigDecimal> byWeek = database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT o.week_start, SUM(o.volume) FROM "
                    + "retail_sell_out o JOIN retail_store s ON s.id = o.store_id WHERE o.retailer_id = ? "
                    + "AND o.product_id IN (" + Rows.placeholders(productIds.size()) + ") AND o.week_start >= ? "
                    + "AND o.week_start < ?" + (bannerId == null ? "" : " AND s.banner_id = ?")
                    + " GROUP BY o.week_start")) {
                int i = 1;
                ps.setString(i++, retailerId);
                for (String product : productIds) {
                    ps.setString(i++, product);
                }
                ps.setObject(i++, start);
                ps.setObject(i++, end);
                if (bannerId != null) {
                    ps.setString(i, bannerId);
                }
                Map<LocalDate, BigDecimal> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2));
                    }
                }
                return out;
            }
        });
        List<BigDecimal> volumes = new ArrayList<>();
        for (LocalDate week = start; week.isBefore(end); week = week.plusWeeks(1)) {
            volumes.add(byWeek.getOrDefault(week, BigDecimal.ZERO));
        }
        return volumes;
    }

    /** The retailer's sell-in volume per product in the weeks starting in {@code year}. */
    public Map<String, BigDecimal> sellInByProduct(String retailerId, int year) {
        return sellInByProduct(retailerId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** The retailer's sell-in volume per product in the weeks starting from {@code from} and before {@code until}. */
    public Map<String, BigDecimal> sellInByProduct(String retailerId, LocalDate from, LocalDate until) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT product_id, SUM(volume) FROM "
                    + "retail_sell_in WHERE retailer_id = ? AND week_start >= ? AND week_start < ? GROUP BY product_id")) {
                ps.setString(1, retailerId);
                ps.setObject(2, from);
                ps.setObject(3, until);
                Map<String, BigDecimal> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), Money.plain(rs.getBigDecimal(2)));
                    }
                }
                return out;
            }
        });
    }

    /** The retailer's total sell-out volume in the weeks starting from {@code from} and before {@code until}. */
    public BigDecimal sellOutTotal(String retailerId, LocalDate from, LocalDate until) {
        return database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT COALESCE(SUM(volume), 0) FROM "
                    + "retail_sell_out WHERE retailer_id = ? AND week_start >= ? AND week_start < ?")) {
                ps.setString(1, retailerId);
                ps.setObject(2, from);
                ps.setObject(3, until);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Money.plain(rs.getBigDecimal(1));
                }
            }
        });
    }
}
