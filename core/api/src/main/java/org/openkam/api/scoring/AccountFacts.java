package org.openkam.api.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a scoring model may know about one account: a read-only snapshot the engine assembles before it calls
 * the models. Amounts share the account's {@link #currency()}.
 *
 * <p><b>Unknown facts are {@code null}.</b> Only the account id, its business unit, the attributes (possibly
 * empty) and the portfolio context are always present. Facts that come from account plans, opportunities and
 * activities are {@code null} until those are recorded for the account. A model leaves an unknown fact out
 * (and says so in its contributions); it never reads {@code null} as zero.
 *
 * <p>This is a class with a builder rather than a record so that facts can be added in minor versions
 * without breaking models or their tests: build instances with {@link #builder(String, String)}.
 */
public final class AccountFacts {

    /** The relationship stages of an account plan, from the loosest to the closest, as {@link #relationshipStage()} names them. */
    public static final List<String> RELATIONSHIP_STAGES = List.of("exploratory", "basic",
            "cooperative", "interdependent", "integrated");
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String accountId;
    private final String name;
    private final String businessUnit;
    private final BigDecimal annualSales;
    private final BigDecimal contributionMargin;
    private final BigDecimal potential;
    private final String currency;
    private final String relationshipStage;
    private final BigDecimal competitivePosition;
    private final BigDecimal openPipeline;
    private final BigDecimal weightedPipeline;
    private final BigDecimal planCompletion;
    private final Integer daysSinceLastActivity;
    private final Map<String, String> attributes;
    private final PortfolioContext portfolio;

    private AccountFacts(Builder b) {
        this.accountId = Objects.requireNonNull(b.accountId, "accountId");
        this.businessUnit = Objects.requireNonNull(b.businessUnit, "businessUnit");
        this.name = b.name;
        this.annualSales = b.annualSales;
        this.contributionMargin = b.contributionMargin;
        this.potential = b.potential;
        this.currency = b.currency;
        this.relationshipStage = b.relationshipStage;
        this.competitivePosition = percent("competitivePosition", b.competitivePosition);
        this.openPipeline = b.openPipeline;
        this.weightedPipeline = b.weightedPipeline;
        this.planCompletion = percent("planCompletion", b.planCompletion);
        if (b.daysSinceLastActivity != null && b.daysSinceLastActivity < 0) {
            throw new IllegalArgumentException("daysSinceLastActivity must not be negative");
        }
        this.daysSinceLastActivity = b.daysSinceLastActivity;
        this.attributes = b.attributes == null ? Map.of() : Map.copyOf(b.attributes);
        this.portfolio = b.portfolio == null ? PortfolioContext.builder().build() : b.portfolio;
    }

    private static BigDecimal percent(String name, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException(name + " " + value + " is not within 0..100");
        }
        return value;
    }

    /** Facts of one account; set what is known, leave the rest unknown. */
    public static Builder builder(String accountId, String businessUnit) {
        return new Builder(accountId, businessUnit);
    }

    public String accountId() {
        return accountId;
    }

    /** The account's trading name, for explanations; may be {@code null}. */
    public String name() {
        return name;
    }

    public String businessUnit() {
        return businessUnit;
    }

    /** Sales to the customer in the last twelve months. */
    public BigDecimal annualSales() {
        return annualSales;
    }

    /** The contribution margin earned on those sales (negative if the account loses money). */
    public BigDecimal contributionMargin() {
        return contributionMargin;
    }

    /** The customer's total available spend in our categories over three years. */
    public BigDecimal potential() {
        return potential;
    }

    /** ISO 4217 code of every amount. */
    public String currency() {
        return currency;
    }

    /**
     * The relationship stage of the account's active plan, one of {@link #RELATIONSHIP_STAGES}
     * ({@code exploratory} ... {@code integrated}).
     */
    public String relationshipStage() {
        return relationshipStage;
    }

    /**
     * Our position against the other top suppliers on the account's open opportunities, from 0 (outsider
     * everywhere) to 100 (incumbent everywhere), weighted by opportunity value: incumbent 100, one of the top
     * suppliers 67, challenger 33, outsider 0. An opportunity in another currency than the account's weighs as much
     * as the mean one in the account's currency (all weigh the same if none is). Unknown without open opportunities.
     */
    public BigDecimal competitivePosition() {
        return competitivePosition;
    }

    /**
     * The value of the account's open opportunities in the account's currency (those in other currencies are left
     * out); 0 if none is open, unknown if every open one is in another currency.
     */
    public BigDecimal openPipeline() {
        return openPipeline;
    }

    /** The open opportunities' values weighted by their win probabilities, counted like {@link #openPipeline()}. */
    public BigDecimal weightedPipeline() {
        return weightedPipeline;
    }

    /**
     * The completion of the active account plan's actions, 0 to 100; unknown without an active plan or when it has
     * no action that counts (none, or all cancelled).
     */
    public BigDecimal planCompletion() {
        return planCompletion;
    }

    /** Days since the last logged activity with the account (0: today). */
    public Integer daysSinceLastActivity() {
        return daysSinceLastActivity;
    }

    /** The account's custom attributes; never {@code null}. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Where the account stands among the unit's accounts of its currency; never {@code null}. */
    public PortfolioContext portfolio() {
        return portfolio;
    }

    /**
     * Our share of the customer's wallet, as a ratio (four decimals): annual sales against the annual available
     * spend, which is a third of the three-year {@link #potential()}. {@code null} if sales or a positive
     * potential are unknown. Above 1 when sales exceed the stated potential (the potential is out of date).
     */
    public BigDecimal shareOfWallet() {
        return shareOfWallet(annualSales, potential);
    }

    /** {@link #shareOfWallet()} of these figures: {@code sales / (potential / 3)}. */
    public static BigDecimal shareOfWallet(BigDecimal annualSales, BigDecimal threeYearPotential) {
        if (annualSales == null || threeYearPotential == null || threeYearPotential.signum() <= 0) {
            return null;
        }
        return annualSales.multiply(THREE).divide(threeYearPotential, 4, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return "AccountFacts[" + accountId + " in " + businessUnit + ", sales " + annualSales + " " + currency + "]";
    }

    /** Builds {@link AccountFacts}. */
    public static final class Builder {
        private final String accountId;
        private final String businessUnit;
        private String name;
        private BigDecimal annualSales;
        private BigDecimal contributionMargin;
        private BigDecimal potential;
        private String currency;
        private String relationshipStage;
        private BigDecimal competitivePosition;
        private BigDecimal openPipeline;
        private BigDecimal weightedPipeline;
        private BigDecimal planCompletion;
        private Integer daysSinceLastActivity;
        private Map<String, String> attributes;
        private PortfolioContext portfolio;

        private Builder(String accountId, String businessUnit) {
            this.accountId = accountId;
            this.businessUnit = businessUnit;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder annualSales(BigDecimal value) {
            annualSales = value;
            return this;
        }

        public Builder contributionMargin(BigDecimal value) {
            contributionMargin = value;
            return this;
        }

        public Builder potential(BigDecimal value) {
            potential = value;
            return this;
        }

        public Builder currency(String value) {
            currency = value;
            return this;
        }

        public Builder relationshipStage(String value) {
            relationshipStage = value;
            return this;
        }

        public Builder competitivePosition(BigDecimal value) {
            competitivePosition = value;
            return this;
        }

        public Builder openPipeline(BigDecimal value) {
            openPipeline = value;
            return this;
        }

        public Builder weightedPipeline(BigDecimal value) {
            weightedPipeline = value;
            return this;
        }

        public Builder planCompletion(BigDecimal value) {
            planCompletion = value;
            return this;
        }

        public Builder daysSinceLastActivity(Integer value) {
            daysSinceLastActivity = value;
            return this;
        }

        public Builder attributes(Map<String, String> value) {
            attributes = value;
            return this;
        }

        public Builder portfolio(PortfolioContext value) {
            portfolio = value;
            return this;
        }

        public AccountFacts build() {
            return new AccountFacts(this);
        }
    }
}
