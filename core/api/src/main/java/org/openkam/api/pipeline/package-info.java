/**
 * Projects won against the customer's other top suppliers: opportunities with their competitors, the
 * configurable sales stages, weighted values and the open pipeline of an account.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.openkam.api.pipeline;
