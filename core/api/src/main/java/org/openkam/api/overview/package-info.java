/** The account 360: everything a key account manager looks at first, in one read. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.overview;
