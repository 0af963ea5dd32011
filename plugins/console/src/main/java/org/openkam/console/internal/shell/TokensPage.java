package org.openkam.console.internal.shell;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** The caller's own API tokens for integrations: list, create (the secret is shown once), revoke. */
@Component
public final class TokensPage implements ConsolePage {

    @Override
    public String id() {
        return "api-tokens";
    }

    @Override
    public String title() {
        return "API tokens";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 910;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/api-tokens.js";
    }
}
