package org.openkam.api.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where an account stands among its peers, for models that rate relatively (ABC analysis, sales relative to
 * the largest account). The peers are the accounts of the account's business unit whose amounts can be compared:
 * those whose currency has an exchange rate into the reporting currency are compared there, an account whose
 * currency has none only with the accounts of its own currency. The figures here are in the account's own currency.
 *
 * <p>Ranks and shares consider the peers with known sales; an account without known sales has rank 0 and no
 * shares. Shares are ratios from 0 to 1 with six decimals. Build one with {@link #builder()} (e.g. in a
 * model's unit test); the engine computes them from the unit's accounts.
 */
public final class PortfolioContext {

    private final int peers;
    private final BigDecimal totalSales;
    private final BigDecimal largestSales;
    private final BigDecimal largestContributionMargin;
    private final BigDecimal largestPotential;
    private final int salesRank;
    private final BigDecimal salesShare;
    private final BigDecimal cumulativeSalesShare;

    private PortfolioContext(Builder b) {
        if (b.peers < 1) {
            throw new IllegalArgumentException("an account is its own peer: peers must be at least 1");
        }
        if (b.salesRank < 0 || b.salesRank > b.peers) {
            throw new IllegalArgumentException("sales rank " + b.salesRank + " is not within 0.." + b.peers);
        }
        this.peers = b.peers;
        this.totalSales = b.totalSales;
        this.largestSales = b.largestSales;
        this.largestContributionMargin = b.largestContributionMargin;
        this.largestPotential = b.largestPotential;
        this.salesRank = b.salesRank;
        this.salesShare = ratio("salesShare", b.salesShare);
        this.cumulativeSalesShare = ratio("cumulativeSalesShare", b.cumulativeSalesShare);
        if (salesShare != null && cumulativeSalesShare != null && salesShare.compareTo(cumulativeSalesShare) > 0) {
            throw new IllegalArgumentException("the cumulative sales share includes the account's own share");
        }
    }

    private static BigDecimal ratio(String name, BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal r = value.setScale(6, RoundingMode.HALF_UP);
        if (r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " " + value + " is not within 0..1");
        }
        return r;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many accounts are compared, the account included. */
    public int peers() {
        return peers;
    }

    /** The peers' sales added up, or {@code null} if no peer's sales are known. */
    public BigDecimal totalSales() {
        return totalSales;
    }

    public BigDecimal largestSales() {
        return largestSales;
    }

    public BigDecimal largestContributionMargin() {
        return largestContributionMargin;
    }

    public BigDecimal largestPotential() {
        return largestPotential;
    }

    /** 1 for the peer with the largest sales (ties broken by account id), 0 if the account's sales are unknown. */
    public int salesRank() {
        return salesRank;
    }

    /** The account's sales as a share of {@link #totalSales()}, or {@code null}. */
    public BigDecimal salesShare() {
        return salesShare;
    }

    /** The share of total sales made by the account and every peer ranked above it, or {@code null}. */
    public BigDecimal cumulativeSalesShare() {
        return cumulativeSalesShare;
    }

    /** The share of total sales made by the peers ranked above the account, or {@code null}. */
    public BigDecimal cumulativeSalesShareBefore() {
        return salesShare == null || cumulativeSalesShare == null ? null : cumulativeSalesShare.subtract(salesShare);
    }

    @Override
    public String toString() {
        return "PortfolioContext[peers=" + peers + ", totalSales=" + totalSales + ", salesRank=" + salesRank
                + ", salesShare=" + salesShare + ", cumulativeSalesShare=" + cumulativeSalesShare + "]";
    }

    /** Builds a {@link PortfolioContext}; every figure but {@code peers} is optional. */
    public static final class Builder {
        private int peers = 1;
        private BigDecimal totalSales;
        private BigDecimal largestSales;
        private BigDecimal largestContributionMargin;
        private BigDecimal largestPotential;
        private int salesRank;
        private BigDecimal salesShare;
        private BigDecimal cumulativeSalesShare;

        private Builder() {
        }

        public Builder peers(int value) {
            peers = value;
            return this;
        }

        public Builder totalSales(BigDecimal value) {
            totalSales = value;
            return this;
        }

        public Builder largestSales(BigDecimal value) {
            largestSales = value;
            return this;
        }

        public Builder largestContributionMargin(BigDecimal value) {
            largestContributionMargin = value;
            return this;
        }

        public Builder largestPotential(BigDecimal value) {
            largestPotential = value;
            return this;
        }

        public Builder salesRank(int value) {
            salesRank = value;
            return this;
        }

        public Builder salesShare(BigDecimal value) {
            salesShare = value;
            return this;
        }

        public Builder cumulativeSalesShare(BigDecimal value) {
            cumulativeSalesShare = value;
            return this;
        }

        public PortfolioContext build() {
            return new PortfolioContext(this);
        }
    }
}
