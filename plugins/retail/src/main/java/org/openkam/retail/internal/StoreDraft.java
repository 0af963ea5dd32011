package org.openkam.retail.internal;

import java.math.BigDecimal;

import org.openkam.api.Violations;

/** A store as a user writes it; the format defaults to the banner's. */
public record StoreDraft(String bannerId, String code, String name, String region, String format, BigDecimal acv,
        BigDecimal pcv) {

    public Violations violations() {
        return new Violations().required("bannerId", bannerId, 36).required("code", code, 50)
                .required("name", name, 200).required("region", region, 100).maxLength("format", format, 100)
                .required("acv", acv).money("acv", acv, false).required("pcv", pcv).money("pcv", pcv, false);
    }
}
