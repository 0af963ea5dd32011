package org.openkam.retail.internal;

/** A retailer's banner: a chain of stores under one name and format (hypermarket, supermarket, discounter...). */
public record Banner(String id, String retailerId, String businessUnit, String name, String format, long version) {
}
