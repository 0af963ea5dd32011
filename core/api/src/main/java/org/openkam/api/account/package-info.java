/** Key accounts, their contacts and account teams. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.openkam.api.account;
