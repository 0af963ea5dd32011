package org.openkam.console.internal.shell;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The console's own pages, declared with service properties like any plugin's. {@link ShellServlet} serves their
 * modules under {@code /console/pages/} beside the shell's modules they import, so the declaration names no folder
 * and gives each module's path.
 * <ul>
 * <li>dashboard: the landing page (my key accounts, my overdue follow-ups, the pipeline by stage, the portfolio's
 * biggest movers).</li>
 * <li>accounts: the account list and each account's 360.</li>
 * <li>admin-users: users, their roles per business unit, their state and passwords (global administrators).</li>
 * <li>api-tokens: the caller's own API tokens (the secret is shown once).</li>
 * <li>api: the API reference; "Try it out" acts with the user's own rights.</li>
 * <li>import: account import from CSV with the job's progress and the bad lines.</li>
 * </ul>
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=console",
    ConsoleModules.PAGE + "=dashboard; title=Dashboard; group=Key accounts; order=0; module=/console/pages/dashboard.js",
    ConsoleModules.PAGE + "=accounts; title=Accounts; group=Key accounts; order=10; module=/console/pages/accounts.js",
    ConsoleModules.PAGE + "=admin-users; title=Users; group=Administration; order=900;"
            + " module=/console/pages/admin-users.js; admin=true",
    ConsoleModules.PAGE + "=api-tokens; title=API tokens; group=Administration; order=910;"
            + " module=/console/pages/api-tokens.js",
    ConsoleModules.PAGE + "=api; title=API documentation; group=Administration; order=920;"
            + " module=/console/pages/api-docs.js",
    ConsoleModules.PAGE + "=import; title=Import; group=Administration; order=920; module=/console/pages/import.js" })
public final class ShellPages implements ConsoleModules {
}
