package org.openkam.scoring.internal.console;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;

/**
 * The key account recommendation of a business unit, with the reason for each account; for everyone who reads a
 * unit.
 */
@Component(service = ConsolePage.class, reference = @Reference(name = "module", service = Servlet.class,
        target = "(osgi.http.whiteboard.servlet.name=" + ModuleServlet.NAME + ")"))
public final class RecommendationsPage extends ScoringPage {

    public RecommendationsPage() {
        super("scoring-recommendations", "Key-account candidates", 20, "recommendations.js", null);
    }
}
