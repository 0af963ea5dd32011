package org.openkam.scoring.internal.console;

import java.util.Optional;

import org.openkam.api.Role;
import org.openkam.api.console.ConsolePage;

/**
 * A console page of the scoring plugin: listed under "Scoring", its module served by {@link ModuleServlet} under
 * {@value ModuleServlet#PREFIX}. Each page's component requires that servlet, so a page is listed only while its
 * module can be loaded, and leaves the navigation with the bundle.
 */
abstract class ScoringPage implements ConsolePage {

    static final String GROUP = "Scoring";
    private final String id;
    private final String title;
    private final int order;
    private final String module;
    private final Role requiredRole;

    ScoringPage(String id, String title, int order, String module, Role requiredRole) {
        this.id = id;
        this.title = title;
        this.order = order;
        this.module = module;
        this.requiredRole = requiredRole;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String group() {
        return GROUP;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final String moduleUrl() {
        return ModuleServlet.PREFIX + module;
    }

    @Override
    public final Optional<Role> requiredRole() {
        return Optional.ofNullable(requiredRole);
    }
}
