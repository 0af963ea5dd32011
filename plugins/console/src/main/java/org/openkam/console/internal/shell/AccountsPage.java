package org.openkam.console.internal.shell;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** The console's built-in account list, contributed through the same contract as any plugin's page. */
@Component
public final class AccountsPage implements ConsolePage {

    @Override
    public String id() {
        return "accounts";
    }

    @Override
    public String title() {
        return "Accounts";
    }

    @Override
    public String group() {
        return "Key accounts";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/accounts.js";
    }
}
