package org.openkam.http.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's web console modules and pages, declared with service properties (the interface has no methods).
 * The kit serves the ES modules of the folder {@value #FOLDER} of the registering bundle under
 * {@code /console/plugins/<plugin>/} with the console's headers (type, {@link WebContext#CONSOLE_CSP}, nosniff);
 * the console lists the pages of {@value #PAGE} in its navigation. Both leave with the service.
 *
 * <pre>
 * &#64;Component(service = ConsoleModules.class, property = {
 *     ConsoleModules.PLUGIN + "=scoring",
 *     ConsoleModules.FOLDER + "=/scoring-console",
 *     ConsoleModules.PAGE + "=scoring-portfolio; title=Portfolio; group=Scoring; order=10; module=portfolio.js",
 *     ConsoleModules.PAGE + "=scoring-models; title=Scoring models; group=Scoring; order=30; module=models.js; role=bu-admin" })
 * public final class ScoringConsole implements ConsoleModules {
 * }
 * </pre>
 *
 * A page entry is its id (lower-case letters, digits and '-', prefixed with the plugin's name) followed by
 * {@code ; key=value} attributes: {@code title}, {@code group}, {@code module} (a file of the folder) are needed;
 * {@code order} (default 100), {@code role} (a role key the user needs in some unit) and {@code admin=true} (global
 * administrators only) are optional. Values hold no {@code ;}. The page's module contract is that of
 * {@link org.openkam.api.console.ConsolePage}. A plugin enabled per unit names its factory PID in
 * {@value #ENABLEMENT}, so that a unit it does not serve does not see its pages.
 * <p>
 * A service without {@value #FOLDER} serves its modules itself (a servlet of its own under {@code /console/}, as the
 * console's built-in pages do); its pages' {@code module} is then the module's path, e.g.
 * {@code module=/console/pages/accounts.js}.
 */
@ConsumerType
public interface ConsoleModules {

    /** The plugin's name: lower-case letters, digits and '-'; its modules are served under {@code /console/plugins/<name>/}. */
    String PLUGIN = "openkam.console.plugin";
    /** The bundle folder holding the plugin's {@code .js} modules, e.g. {@code /scoring-console}. */
    String FOLDER = "openkam.console.folder";
    /** The pages, one entry each (a String+ property). */
    String PAGE = "openkam.console.page";

    /**
     * Optional: the factory PID that enables the plugin per business unit (configurations with
     * {@value org.openkam.api.unit.UnitEnablement#BUSINESS_UNIT} and {@value org.openkam.api.unit.UnitEnablement#ENABLED},
     * decided by {@link org.openkam.api.unit.UnitEnablement}). With it, the console lists the pages only for the
     * units the plugin serves: the chosen unit, or without one any unit of the user's. Without it, the pages show
     * for every unit.
     *
     * @since 1.2
     */
    String ENABLEMENT = "openkam.console.enablement";
}
