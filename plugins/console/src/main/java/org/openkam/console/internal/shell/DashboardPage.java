package org.openkam.console.internal.shell;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** The landing page: my key accounts, my overdue follow-ups, the pipeline by stage and the portfolio's biggest movers. */
@Component
public final class DashboardPage implements ConsolePage {

    @Override
    public String id() {
        return "dashboard";
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public String group() {
        return "Key accounts";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/dashboard.js";
    }
}
