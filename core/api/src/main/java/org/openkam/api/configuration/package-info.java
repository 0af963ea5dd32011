/**
 * What the components a configuration reaches made of a change to it. ConfigurationAdmin stores a change at once
 * and hands it to Declarative Services later, which may restart the component with it or fail to: a writer that
 * answers "saved" should first know the change is in force, and refuse what the component refused.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.openkam.api.configuration;
