/** The audit trail: who changed which fields of what, when. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openkam.api.audit;
