package org.openkam.console.internal.shell;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** Administration of users: their roles per business unit, their state and their passwords. */
@Component
public final class UsersPage implements ConsolePage {

    @Override
    public String id() {
        return "admin-users";
    }

    @Override
    public String title() {
        return "Users";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/admin-users.js";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }
}
