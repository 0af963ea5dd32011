package org.openkam.console.internal.admin;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** The administration page {@code admin-configuration}, for global administrators only. */
@Component
public final class ConfigurationPage implements ConsolePage {

    @Override
    public String id() {
        return "admin-configuration";
    }

    @Override
    public String title() {
        return "Configuration";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/admin-configuration.js";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }
}
