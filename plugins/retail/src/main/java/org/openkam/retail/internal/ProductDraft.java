package org.openkam.retail.internal;

import java.math.BigDecimal;

import org.openkam.api.Violations;

/** A SKU as a user writes it; {@link #violations()} names every bad field, the GTIN's check digit included. */
public record ProductDraft(String gtin, String name, String brand, String packSize, String categoryId,
        BigDecimal listPrice, BigDecimal cost) {

    public Violations violations() {
        Violations v = new Violations();
        String gtinProblem = Gtin.problem(gtin);
        if (gtinProblem != null) {
            v.add("gtin", gtinProblem);
        }
        return v.required("name", name, 200).required("brand", brand, 200).maxLength("packSize", packSize, 100)
                .required("listPrice", listPrice).money("listPrice", listPrice, false)
                .required("cost", cost).money("cost", cost, false);
    }
}
