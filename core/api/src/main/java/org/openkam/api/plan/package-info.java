/**
 * Customer development plans (account plans): per account and period a relationship stage, a SWOT, measurable
 * objectives with strategies and actions, reviews, and the history of every earlier version.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openkam.api.plan;
