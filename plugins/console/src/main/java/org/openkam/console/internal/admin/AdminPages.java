package org.openkam.console.internal.admin;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The platform administration pages, for global administrators only: bundles and configuration. Their modules are
 * the shell's ({@code /console/pages/}), so the declaration names no folder and gives each module's path.
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=console-admin",
    ConsoleModules.PAGE + "=admin-bundles; title=Bundles; group=Administration; order=10;"
            + " module=/console/pages/admin-bundles.js; admin=true",
    ConsoleModules.PAGE + "=admin-configuration; title=Configuration; group=Administration; order=20;"
            + " module=/console/pages/admin-configuration.js; admin=true" })
public final class AdminPages implements ConsoleModules {
}
