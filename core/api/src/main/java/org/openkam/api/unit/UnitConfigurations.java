package org.openkam.api.unit;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes a business unit's own configuration of a plugin: the factory configuration of a factory PID
 * whose {@value UnitEnablement#BUSINESS_UNIT} property is the unit (one per unit and factory PID). What it writes is
 * also kept as a file in the FileInstall {@code etc/} folder, so it survives a restart that rebuilds the framework's
 * storage; removing a configuration removes its file.
 *
 * <p>Authorization: {@value UnitEnablement#EVERY_UNIT} is for administrators only; a unit for whoever {@link
 * Caller#canManage manages} it (its bu-admins). A unit the caller cannot see is a {@link NotFoundException}, one it
 * sees but does not manage an {@link AccessDeniedException}. Reading needs only to see the unit.
 *
 * <p>Validation: parameters are checked against the factory PID's metatype (from whichever bundle describes it);
 * every bad or unknown one is reported at once, with the field {@code parameters.<name>}, in a {@link
 * ValidationException}, and nothing is written. Without metatype, no parameter is accepted. A change is answered
 * once the plugin's components run with it (see {@link org.openkam.api.configuration.ConfigurationUptake}); values
 * a component refuses by failing to activate are a {@link ValidationException} of {@code parameters} with its
 * reason, and what was stored before is restored. A write that changes nothing writes and records nothing.
 */
@ProviderType
public interface UnitConfigurations {

    /** The unit's own configuration of the factory PID, if it has one. */
    Optional<UnitConfiguration> read(Caller caller, String factoryPid, String unit) throws IOException;

    /**
     * Creates or replaces the unit's configuration with exactly these parameters (others fall back to their
     * defaults); {@code enabled} false writes one that switches the plugin off for the unit.
     */
    UnitConfiguration write(Caller caller, String factoryPid, String unit, Map<String, String> parameters,
            boolean enabled) throws IOException;

    /**
     * Switches the plugin on or off for the unit, keeping the unit's parameters. Off: the unit's configuration gets
     * {@value UnitEnablement#ENABLED}{@code =false}, created if it has none, so that the configuration for every unit
     * no longer reaches it. On: a unit configuration without parameters is removed where the configuration for
     * every unit is on (it takes over; the answer's {@code pid} is then {@code null}); otherwise the unit's
     * configuration is switched on, or created with the defaults.
     */
    UnitConfiguration switchTo(Caller caller, String factoryPid, String unit, boolean enabled) throws IOException;

    /** Removes the unit's configuration and its file; {@link NotFoundException} if it has none. */
    void delete(Caller caller, String factoryPid, String unit) throws IOException;
}
