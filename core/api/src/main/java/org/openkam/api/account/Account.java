package org.openkam.api.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A customer account as stored. Figures share the account's {@code currency}.
 *
 * @param id the account's id
 * @param businessUnit the id of the owning business unit
 * @param name the trading name
 * @param legalName the registered legal name
 * @param industry the industry, free text
 * @param country ISO 3166-1 alpha-2
 * @param region a sales region, free text
 * @param status prospect, active or inactive
 * @param tier none, key or strategic
 * @param owner the user id of the key account manager, the customer's single interface
 * @param annualSales sales to the customer in the last twelve months
 * @param contributionMargin contribution margin earned on those sales
 * @param potential the customer's total available spend over three years
 * @param currency ISO 4217 code of the figures
 * @param attributes custom attributes, in the order of their names (so every answer and export lists them alike)
 * @param version optimistic concurrency version, incremented by every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Account(String id, String businessUnit, String name, String legalName, String industry,
        String country, String region, AccountStatus status, KeyAccountTier tier, String owner,
        BigDecimal annualSales, BigDecimal contributionMargin, BigDecimal potential, String currency,
        Map<String, String> attributes, long version, Instant createdAt, Instant updatedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessUnit, "businessUnit");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tier, "tier");
        attributes = attributes == null ? Map.of() : byName(attributes);
    }

    private static Map<String, String> byName(Map<String, String> attributes) {
        TreeMap<String, String> sorted = new TreeMap<>();
        attributes.forEach((name, value) -> sorted.put(Objects.requireNonNull(name, "attribute name"),
                Objects.requireNonNull(value, "attribute value")));
        return Collections.unmodifiableMap(sorted);
    }

    /** The account's editable fields, e.g. as the base of a partial update. */
    public AccountDraft toDraft() {
        return new AccountDraft(businessUnit, name, legalName, industry, country, region, status, tier, owner,
                annualSales, contributionMargin, potential, currency, attributes);
    }
}
