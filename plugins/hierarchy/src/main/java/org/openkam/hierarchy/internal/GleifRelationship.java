package org.openkam.hierarchy.internal;

import java.time.LocalDate;

/**
 * A Level 2 record of GLEIF's RR-CDF golden copy: the start node relates to the end node ({@code type} e.g.
 * {@code IS_DIRECTLY_CONSOLIDATED_BY}: the start node is the child); the relationship period, if given; its line.
 */
public record GleifRelationship(long line, String start, String end, String type, boolean active, LocalDate from,
        LocalDate to) {

    public static final String DIRECT = "IS_DIRECTLY_CONSOLIDATED_BY";
    public static final String ULTIMATE = "IS_ULTIMATELY_CONSOLIDATED_BY";
    public static final String BRANCH = "IS_INTERNATIONAL_BRANCH_OF";
}
