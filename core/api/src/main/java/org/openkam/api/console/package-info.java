/**
 * Contracts of the web console: a plugin contributes navigation entries and pages to the console at
 * {@code /console/} by registering {@link org.openkam.api.console.ConsolePage} services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.console;
