package org.openkam.hierarchy.internal;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The "Global accounts" and "GLEIF import" pages of the console: the kit serves the modules of the bundle folder
 * {@code /hierarchy-console} under {@code /console/plugins/hierarchy/}, and they leave with the bundle.
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=hierarchy",
    ConsoleModules.FOLDER + "=/hierarchy-console",
    ConsoleModules.PAGE + "=hierarchy-tree; title=Global accounts; group=Key accounts; order=65; module=hierarchies.js",
    ConsoleModules.PAGE + "=hierarchy-gleif; title=GLEIF import; group=Key accounts; order=66; module=gleif-import.js" })
public final class HierarchyConsole implements ConsoleModules {
}
