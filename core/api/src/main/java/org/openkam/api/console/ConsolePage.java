package org.openkam.api.console;

import java.util.Optional;

import org.openkam.api.Role;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the web console at {@code /console/}, contributed by a plugin: registered as an OSGi service, it
 * adds one navigation entry, and the page behind it, for every signed-in user who may see it. Unregistering the
 * service (its bundle stopped, say) removes the entry the next time the console reads its navigation; nothing
 * else changes.
 *
 * <p><b>Navigation.</b> The console lists the pages a caller may see at {@code GET /api/v1/console/pages},
 * grouped by {@link #group()}, groups by the lowest {@link #order()} among their pages, then by name; in a
 * group by {@link #order()}, then {@link #title()}, then {@link #id()}. The first page is the landing page
 * (the console's dashboard has order 0). A page with a
 * {@link #requiredRole()} is seen by global administrators and by users who hold that role in at least one
 * business unit; an {@link #adminOnly()} page only by global administrators. This only hides the entry: the
 * endpoints the page calls must check the caller themselves, as every OpenKAM endpoint does.
 *
 * <p><b>The module.</b> {@link #moduleUrl()} is the absolute path of an ES module the plugin serves itself, from
 * a servlet or whiteboard resource in the {@code openkam} servlet context under
 * {@code /console/plugins/<plugin>/} (e.g. {@code /console/plugins/scoring/portfolio.js}); paths under
 * {@code /console/} need no sign-in, so a module holds code, never data. Serve it as {@code text/javascript}.
 * When the user opens the page the shell runs {@code const m = await import(moduleUrl)} and then
 * {@code await m.render(element, context)}:
 * <ul>
 * <li>{@code element}: an empty {@code <section>} of the main landmark, the page's to fill. Start it with an
 * {@code <h1>}.</li>
 * <li>{@code context.session}: the signed-in user as {@code GET /api/v1/auth/session} answers it
 * ({@code userId}, {@code username}, {@code admin}, {@code grants}: roles by business unit id).</li>
 * <li>{@code context.businessUnit}: the id of the business unit chosen in the header's switcher, or
 * {@code null} for all of the user's units; filter listings by it.</li>
 * <li>{@code context.api(path, options)}: {@code fetch} relative to {@code /api/v1} (e.g.
 * {@code context.api('/scoring/models')}) that sends the session cookie and, on unsafe methods, the
 * {@code X-CSRF-Token} header; an {@code options.json} value is sent as the JSON body. It resolves to the
 * parsed JSON answer (or {@code null} for 204) and rejects with an {@code Error} whose {@code problem} member
 * holds the problem+json answer (its {@code errors} name each bad field).</li>
 * <li>{@code context.el(tag, attributes, ...children)}: creates an element; string children become text
 * nodes.</li>
 * <li>{@code context.units}: the business units the user may see ({@code id}, {@code name}).</li>
 * <li>{@code context.pages}: the pages of the navigation as {@code GET /api/v1/console/pages} answered it.</li>
 * <li>{@code context.route}: where in the page the address points. The console's addresses are
 * {@code #/<id>[/<path>][?<query>]}; {@code route.path} is the decoded {@code <path>} ({@code ""} when absent),
 * {@code route.params} the query as {@code URLSearchParams}. A page keeps its own state there (an account's id,
 * the open tab, a filter), so links can be shared and the browser's back button works.</li>
 * <li>{@code context.href(pageId, path, params)}: the address of a page, for links;
 * {@code context.navigate(address)} opens one (the page renders again even if the address is unchanged).</li>
 * </ul>
 * The shell marks the section with {@code data-ready="true"} once {@code render} has settled, and moves keyboard
 * focus to the page's {@code <h1>} after navigation.
 *
 * <p><b>A panel on the account 360.</b> A page's module may also export
 * {@code async function accountPanel(element, context, account)}: the account page then gives it a {@code <section>}
 * under the account's facts, on every tab, to fill (start it with an {@code <h2>}) or to remove when it has nothing
 * to say about the account ({@code account} as {@code GET /api/v1/accounts/{id}} answers it). A plugin that is
 * absent, or not enabled for the chosen unit, adds nothing; a panel that fails shows its message in its section
 * only.
 *
 * <p><b>Libraries.</b> The console serves ECharts as an ES module at
 * {@code /console/lib/echarts/echarts.esm.min.js} and Swagger UI at {@code /console/lib/swagger-ui/}; a page
 * imports them from there rather than shipping its own copy.
 * A module that fails to load or throws leaves an error message in the page; the rest of the console works on.
 *
 * <p><b>Escaping.</b> Every string that comes from users or the API (names, descriptions, messages) is put
 * into the page as text: {@code textContent}, text nodes, {@code context.el} children or attribute values set
 * with {@code setAttribute}; never through {@code innerHTML}, {@code insertAdjacentHTML},
 * {@code document.write} or a URL built from data without {@code encodeURIComponent}. The console sends a
 * Content-Security-Policy that allows scripts from its own origin only, so inline scripts and event-handler
 * attributes do not run.
 */
@ConsumerType
public interface ConsolePage {

    /**
     * The page's id, unique among all pages: lower-case letters, digits and '-', prefixed with the plugin's
     * name (e.g. {@code scoring-portfolio}); the console's address for the page is {@code /console/#/<id>}.
     */
    String id();

    /** The navigation entry's text, short (e.g. "Portfolio"). */
    String title();

    /** The navigation group the entry is listed under (e.g. "Key accounts", "Scoring", "Administration"). */
    String group();

    /** The entry's position in its group, lower first. */
    default int order() {
        return 100;
    }

    /** The absolute path of the page's ES module, e.g. {@code /console/plugins/scoring/portfolio.js}. */
    String moduleUrl();

    /** The role a user needs in at least one business unit to see the page; empty: every signed-in user. */
    default Optional<Role> requiredRole() {
        return Optional.empty();
    }

    /** True if only global administrators see the page. */
    default boolean adminOnly() {
        return false;
    }
}
