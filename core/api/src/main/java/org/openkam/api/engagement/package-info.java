/**
 * Working the account: activities with the customer's people and the coordination between team members,
 * the buying center as an org chart with its coverage, and follow-ups.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.openkam.api.engagement;
