package org.openkam.retail.internal;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The retail pages of the console; the kit serves the modules of the bundle folder {@code /retail-console} under
 * {@code /console/plugins/retail/}, and pages and modules leave with the bundle. The navigation lists the pages
 * only for units retail serves (its settings' factory PID); their data comes from the retail routes, which answer
 * 404 for the others.
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=retail",
    ConsoleModules.FOLDER + "=/retail-console",
    ConsoleModules.ENABLEMENT + "=" + RetailSettings.PID,
    ConsoleModules.PAGE + "=retail-distribution; title=Distribution; group=Retail; order=10; module=distribution.js",
    ConsoleModules.PAGE + "=retail-promotions; title=Promotions; group=Retail; order=20; module=promotions.js",
    ConsoleModules.PAGE + "=retail-waterfall; title=Price waterfall; group=Retail; order=30; module=waterfall.js",
    ConsoleModules.PAGE + "=retail-plan; title=Joint business plan; group=Retail; order=40; module=plan.js",
    ConsoleModules.PAGE + "=retail-import; title=Sales import; group=Retail; order=50; module=import.js" })
public final class RetailConsole implements ConsoleModules {
}
