/** EventAdmin topics and properties posted by the registry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openkam.api.event;
