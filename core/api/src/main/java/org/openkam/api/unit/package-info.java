/**
 * Per-business-unit enablement and configuration of plugins. A plugin is enabled and configured per unit by
 * ConfigurationAdmin factory configurations carrying a {@value org.openkam.api.unit.UnitEnablement#BUSINESS_UNIT}
 * property ({@value org.openkam.api.unit.UnitEnablement#EVERY_UNIT}: every unit without one of its own) and
 * optionally {@value org.openkam.api.unit.UnitEnablement#ENABLED}{@code =false}. {@link
 * org.openkam.api.unit.UnitEnablement} decides which instance serves a unit; {@link
 * org.openkam.api.unit.UnitConfigurations} writes those configurations for a caller and keeps them across restarts.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.unit;
