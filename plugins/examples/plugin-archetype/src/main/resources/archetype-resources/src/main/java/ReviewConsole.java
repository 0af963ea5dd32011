package ${package};

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The "${pageTitle}" page of the console; the kit serves {@code reviews.js} of the bundle folder
 * {@code /reviews-console} under {@code /console/plugins/reviews/}, and both leave with the bundle.
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=${pluginName}",
    ConsoleModules.FOLDER + "=/${pluginName}-console",
    ConsoleModules.PAGE + "=${pluginName}-reviews; title=${pageTitle}; group=Key accounts; order=60; module=reviews.js" })
public final class ReviewConsole implements ConsoleModules {
}
