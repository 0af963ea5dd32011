/** Console sessions and integrator API tokens. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openkam.api.security;
