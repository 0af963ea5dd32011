package org.openkam.scoring.internal.console;

import org.openkam.http.api.ConsoleModules;
import org.osgi.service.component.annotations.Component;

/**
 * The scoring pages of the console, listed under "Scoring"; the kit serves their ES modules from the bundle's
 * {@code /scoring-console} folder under {@code /console/plugins/scoring/}, and both leave with the bundle.
 * <ul>
 * <li>Portfolio: the portfolio matrix of a business unit (attractiveness against strength, bubbles sized by
 * sales, each cell's strategy and each account's movement since its previous score), for everyone who reads a
 * unit.</li>
 * <li>Key-account candidates: the key account recommendation of a unit with the reason for each account, for
 * everyone who reads a unit.</li>
 * <li>Scoring models: the installed models (state, quarantine, the units each is switched on for, a run of a
 * unit), for unit administrators (administrators see every page).</li>
 * </ul>
 */
@Component(service = ConsoleModules.class, property = {
    ConsoleModules.PLUGIN + "=scoring",
    ConsoleModules.FOLDER + "=/scoring-console",
    ConsoleModules.PAGE + "=scoring-portfolio; title=Portfolio; group=Scoring; order=10; module=portfolio.js",
    ConsoleModules.PAGE + "=scoring-recommendations; title=Key-account candidates; group=Scoring; order=20;"
            + " module=recommendations.js",
    ConsoleModules.PAGE + "=scoring-models; title=Scoring models; group=Scoring; order=30; module=models.js;"
            + " role=bu-admin" })
public final class ScoringConsole implements ConsoleModules {
}
