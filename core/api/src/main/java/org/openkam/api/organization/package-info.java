/** Business units, users and their role grants. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.organization;
