/**
 * Money in one currency: exchange rates by day (euro reference rates, as the ECB publishes them), the configured
 * reporting currency, and conversions that say which rates they used and keep what they could not convert apart.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.money;
