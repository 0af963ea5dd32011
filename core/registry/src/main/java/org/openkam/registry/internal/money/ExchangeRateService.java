package org.openkam.registry.internal.money;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.ValidationException;
import org.openkam.api.Violations;
import org.openkam.api.money.AppliedRate;
import org.openkam.api.money.Conversion;
import org.openkam.api.money.ExchangeRate;
import org.openkam.api.money.ExchangeRates;
import org.openkam.api.money.RateImport;
import org.openkam.api.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Exchange rates over the {@code exchange_rate} table and the configured reporting currency. A day's rate of a
 * currency is the latest published on or before it within {@code lookback.days} (the ECB skips weekends and
 * holidays); older than that, the currency has no rate that day.
 */
@Component(service = ExchangeRates.class, configurationPid = ExchangeRateService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ExchangeRateService.Config.class)
public final class ExchangeRateService implements ExchangeRates {

    public static final String PID = "org.openkam.money";

    @ObjectClassDefinition(name = "OpenKAM money", description = "The reporting currency and how exchange rates "
            + "are looked up")
    public @interface Config {
        @AttributeDefinition(name = "Reporting currency", description = "ISO 4217 code that rollups and reports "
                + "convert figures into")
        String reporting_currency() default "EUR";

        @AttributeDefinition(name = "Look-back (days)", description = "How many days before the day asked for a "
                + "published rate still counts", min = "0", max = "31")
        int lookback_days() default 7;
    }

    private final Database database;
    private final String reportingCurrency;
    private final int lookbackDays;

    @Activate
    public ExchangeRateService(@Reference Database database, Config config) {
        this(database, config.reporting_currency(), config.lookback_days());
    }

    public ExchangeRateService(Database database, String reportingCurrency, int lookbackDays) {
        new Violations().currency("reporting.currency", reportingCurrency)
                .range("lookback.days", lookbackDays, 0, 31).throwIfAny();
        this.database = database;
        this.reportingCurrency = reportingCurrency;
        this.lookbackDays = lookbackDays;
    }

    @Override
    public String reportingCurrency() {
        return reportingCurrency;
    }

    @Override
    public Optional<AppliedRate> rate(String from, String to, LocalDate day) {
        return ofDay(day).rate(from, to);
    }

    @Override
    public List<ExchangeRate> rates(LocalDate day) {
        return ofDay(day).rates();
    }

    @Override
    public Conversion convert(Map<String, BigDecimal> amounts, String currency, LocalDate day) {
        return ofDay(day).convert(amounts, currency);
    }

    @Override
    public RateImport importEcb(Caller caller, Reader csv) throws IOException {
        if (!caller.admin()) {
            throw new AccessDeniedException("importing exchange rates needs an administrator");
        }
        EcbRatesFile file = EcbRatesFile.read(csv);
        if (file.days().isEmpty()) {
            throw new ValidationException("line 2", "the file holds no day of rates");
        }
        return database.write(caller, tx -> {
            try (PreparedStatement delete = tx.connection().prepareStatement("DELETE FROM exchange_rate "
                    + "WHERE rate_day = ?")) {
                for (LocalDate day : file.days()) {
                    delete.setObject(1, day);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO exchange_rate (currency, "
                    + "rate_day, per_euro) VALUES (?, ?, ?)")) {
                int queued = 0;
                for (ExchangeRate rate : file.rates()) {
                    insert.setString(1, rate.currency());
                    insert.setObject(2, rate.day());
                    insert.setBigDecimal(3, rate.perEuro());
                    insert.addBatch();
                    if (++queued % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            RateImport result = new RateImport(file.days().size(), file.rates().size(), file.missing());
            tx.audit("exchange-rates", UUID.randomUUID().toString(), null, null, null, Map.of("days",
                    Integer.toString(result.days()), "rates", Integer.toString(result.rates())));
            return result;
        });
    }

    /** The latest rate per currency on or before the day, within the look-back. */
    private RatesOfDay ofDay(LocalDate day) {
        return new RatesOfDay(day, database.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT r.currency, r.rate_day, r.per_euro "
                    + "FROM exchange_rate r JOIN (SELECT currency, MAX(rate_day) AS rate_day FROM exchange_rate "
                    + "WHERE rate_day <= ? AND rate_day >= ? GROUP BY currency) latest "
                    + "ON latest.currency = r.currency AND latest.rate_day = r.rate_day ORDER BY r.currency")) {
                ps.setObject(1, day);
                ps.setObject(2, day.minusDays(lookbackDays));
                List<ExchangeRate> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExchangeRate(rs.getString(1), rs.getObject(2, LocalDate.class),
                                rs.getBigDecimal(3).stripTrailingZeros()));
                    }
                }
                return out;
            }
        }));
    }
}
