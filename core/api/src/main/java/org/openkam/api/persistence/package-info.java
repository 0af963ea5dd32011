/** The shared database: connections, dialect and per-bundle schema migrations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.persistence;
