package org.openkam.console.internal.admin;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** The administration page {@code admin-api}, for global administrators only. */
@Component
public final class ApiPage implements ConsolePage {

    @Override
    public String id() {
        return "admin-api";
    }

    @Override
    public String title() {
        return "API";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/admin-api.js";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }
}
