package org.openkam.scoring.internal.console;

import org.openkam.api.Role;
import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;

/**
 * The installed scoring models: state, quarantine, which business units each is switched on for, and a run of a
 * unit; for unit administrators (administrators see every page).
 */
@Component(service = ConsolePage.class, reference = @Reference(name = "module", service = Servlet.class,
        target = "(osgi.http.whiteboard.servlet.name=" + ModuleServlet.NAME + ")"))
public final class ModelsPage extends ScoringPage {

    public ModelsPage() {
        super("scoring-models", "Scoring models", 30, "models.js", Role.BU_ADMIN);
    }
}
