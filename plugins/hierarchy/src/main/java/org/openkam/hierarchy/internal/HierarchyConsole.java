package org.openkam.hierarchy.internal;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The "Global accounts" page of the console: the kit serves {@code hierarchies.js} of the bundle folder
 * {@code /hierarchy-console} under {@code /console/plugins/hierarchy/}, and both leave with the bundle.
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=hierarchy",
    ConsoleModules.FOLDER + "=/hierarchy-console",
    ConsoleModules.PAGE + "=hierarchy-tree; title=Global accounts; group=Key accounts; order=65; module=hierarchies.js" })
public final class HierarchyConsole implements ConsoleModules {
}
