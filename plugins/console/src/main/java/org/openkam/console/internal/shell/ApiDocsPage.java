package org.openkam.console.internal.shell;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/**
 * The page {@code api}: the API reference for every signed-in user, beside their API tokens. "Try it out" acts with
 * the user's own rights, so what their roles do not allow is refused there as anywhere.
 */
@Component
public final class ApiDocsPage implements ConsolePage {

    @Override
    public String id() {
        return "api";
    }

    @Override
    public String title() {
        return "API documentation";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 920;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/api-docs.js";
    }
}
