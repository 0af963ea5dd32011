package org.openkam.retail.internal;

/** A node of a unit's product category tree; {@code parentId} is {@code null} at the top. */
public record Category(String id, String businessUnit, String parentId, String name, long version) {
}
