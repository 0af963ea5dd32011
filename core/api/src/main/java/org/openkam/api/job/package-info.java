/** Long-running jobs (imports, rescoring) whose progress callers poll. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.openkam.api.job;
