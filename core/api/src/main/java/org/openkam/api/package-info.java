/** Cross-cutting contracts: the caller a request runs as, paging and the errors every service raises. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api;
