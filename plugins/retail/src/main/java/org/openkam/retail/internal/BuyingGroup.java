package org.openkam.retail.internal;

import java.util.List;

/** A buying group that negotiates for several retailers (accounts of the unit). */
public record BuyingGroup(String id, String businessUnit, String name, List<String> retailerIds, long version) {

    public BuyingGroup {
        retailerIds = List.copyOf(retailerIds);
    }
}
