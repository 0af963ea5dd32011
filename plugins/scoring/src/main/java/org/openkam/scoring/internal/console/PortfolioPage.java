package org.openkam.scoring.internal.console;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;

/**
 * The portfolio matrix of a business unit: attractiveness against strength, bubbles sized by sales, each cell's
 * strategy and each account's movement since its previous score; for everyone who reads a unit.
 */
@Component(service = ConsolePage.class, reference = @Reference(name = "module", service = Servlet.class,
        target = "(osgi.http.whiteboard.servlet.name=" + ModuleServlet.NAME + ")"))
public final class PortfolioPage extends ScoringPage {

    public PortfolioPage() {
        super("scoring-portfolio", "Portfolio", 10, "portfolio.js", null);
    }
}
