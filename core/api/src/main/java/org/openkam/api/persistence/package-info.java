/**
 * The shared database for plugins that keep their own tables: connections, dialect, per-bundle schema
 * migrations, write transactions with audit entries and after-commit events, and row helpers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.openkam.api.persistence;
