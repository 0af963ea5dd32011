package com.example.kam.reviews;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The "Business reviews" page of the console; the kit serves {@code reviews.js} of the bundle folder
 * {@code /reviews-console} under {@code /console/plugins/reviews/}, and both leave with the bundle.
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=reviews",
    ConsoleModules.FOLDER + "=/reviews-console",
    ConsoleModules.PAGE + "=reviews-qbr; title=Business reviews; group=Key accounts; order=60; module=reviews.js" })
public final class ReviewConsole implements ConsoleModules {
}
