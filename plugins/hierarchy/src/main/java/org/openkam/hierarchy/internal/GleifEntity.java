package org.openkam.hierarchy.internal;

/** A Level 1 record of GLEIF's LEI-CDF golden copy, as far as a hierarchy needs it. */
public record GleifEntity(String lei, String legalName, String legalCountry, String headquartersCountry,
        boolean active) {
}
