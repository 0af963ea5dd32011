package org.openkam.api.configuration;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Watches the Declarative Services components that a configuration PID reaches while the configuration changes. A
 * writer {@link #watch watches} before it writes, then waits until the change is {@link Watch#taken taken}: every
 * component of the PID runs with the new values, or one of them refused them by failing to activate (a check its
 * metatype cannot express, such as two values that must be in order). The writer then restores what was there
 * before; nothing refused stays stored.
 */
@ProviderType
public interface ConfigurationUptake {

    /**
     * Notes what the components of the configuration run with now, before it is written, created or deleted.
     *
     * @param factoryPid the factory PID of a factory configuration, or {@code null} for a singleton one
     * @param pid the configuration's PID (for a new factory configuration, the one ConfigurationAdmin chose)
     */
    Watch watch(String factoryPid, String pid);

    /** One configuration's change, watched. */
    @ProviderType
    interface Watch {

        /**
         * Waits, for a few seconds at most, until the components reached by the configuration run with these
         * properties: empty then (and also when none is reached, or the wait ran out), else the reason one of them
         * refused them, as it gave it.
         *
         * @param properties the properties written, bookkeeping included or not
         */
        Optional<String> taken(Map<String, ?> properties);

        /** Waits, for a few seconds at most, until no component runs with the deleted configuration any more. */
        void gone();
    }
}
