package org.openkam.console.internal.admin;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** The administration page {@code admin-bundles}, for global administrators only. */
@Component
public final class BundlesPage implements ConsolePage {

    @Override
    public String id() {
        return "admin-bundles";
    }

    @Override
    public String title() {
        return "Bundles";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/admin-bundles.js";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }
}
