package org.openkam.console.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.openkam.api.Caller;
import org.openkam.api.Role;
import org.openkam.api.console.ConsolePage;
import org.openkam.console.internal.admin.AdminPages;
import org.openkam.http.api.ConsoleModules;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ConsolePagesTest {

    private static final Caller ADMIN = new Caller("u0", "admin", true, Map.of());
    private static final Caller VIEWER = new Caller("u1", "vera", false, Map.of("bu-a", Set.of(Role.VIEWER)));
    private static final Caller MANAGER = new Caller("u2", "bob", false,
            Map.of("bu-a", Set.of(Role.VIEWER), "bu-b", Set.of(Role.BU_ADMIN)));

    private final ConsolePages pages = new ConsolePages(new PluginEnablement(pid -> List.of()));

    @Test
    void pagesAppearAndDisappearWithTheirServices() {
        ConsolePage accounts = page("accounts", "Accounts", "Key accounts", 10, "/console/pages/accounts.js");
        ConsolePage portfolio = page("scoring-portfolio", "Portfolio", "Scoring", 10,
                "/console/plugins/scoring/portfolio.js");
        assertEquals(List.of(), ids(VIEWER));

        pages.add(accounts);
        pages.add(portfolio);
        assertEquals(List.of("accounts", "scoring-portfolio"), ids(VIEWER));
        assertEquals(new ConsolePages.Entry("scoring-portfolio", "Portfolio", "Scoring", 10,
                "/console/plugins/scoring/portfolio.js"), pages.visibleTo(VIEWER).get(1));

        pages.remove(portfolio);
        assertEquals(List.of("accounts"), ids(VIEWER));
        pages.remove(accounts);
        assertEquals(List.of(), ids(VIEWER));
    }

    @Test
    void sortsByGroupThenOrderThenTitleThenId() {
        pages.add(page("z-late", "Alpha", "B group", 5, "/console/z.js"));
        pages.add(page("b-second", "Same", "A group", 20, "/console/b.js"));
        pages.add(page("a-second", "Same", "A group", 20, "/console/a.js"));
        pages.add(page("c-first", "Zulu", "A group", 1, "/console/c.js"));
        pages.add(page("d-title", "Beta", "A group", 20, "/console/d.js"));

        assertEquals(List.of("c-first", "d-title", "a-second", "b-second", "z-late"), ids(VIEWER));
    }

    @Test
    void groupsComeByTheirLowestOrderSoTheLandingPageIsFirst() {
        pages.add(page("users", "Users", "Administration", 900, "/console/users.js"));
        pages.add(page("accounts", "Accounts", "Key accounts", 10, "/console/accounts.js"));
        pages.add(page("dashboard", "Dashboard", "Key accounts", 0, "/console/dashboard.js"));
        pages.add(page("portfolio", "Portfolio", "Scoring", 10, "/console/portfolio.js"));

        assertEquals(List.of("dashboard", "accounts", "portfolio", "users"), ids(VIEWER),
                "Key accounts (0) before Scoring (10) before Administration (900); equal lowest orders by name");
    }

    @Test
    void rolesAndAdminOnlyHideEntries() {
        pages.add(page("open", "Open", "G", 1, "/console/open.js"));
        pages.add(new TestPage("unit-admin", "Unit admin", "G", 2, "/console/unit.js", Optional.of(Role.BU_ADMIN),
                false));
        pages.add(new TestPage("platform", "Platform", "G", 3, "/console/platform.js", Optional.empty(), true));

        assertEquals(List.of("open"), ids(VIEWER));
        assertEquals(List.of("open", "unit-admin"), ids(MANAGER), "BU admin in one unit suffices");
        assertEquals(List.of("open", "unit-admin", "platform"), ids(ADMIN));
    }

    @Test
    void aSecondPageWithATakenIdWaitsUntilTheFirstLeaves() {
        ConsolePage first = page("report", "First", "G", 1, "/console/first.js");
        ConsolePage second = page("report", "Second", "G", 1, "/console/second.js");
        pages.add(first);
        pages.add(second);
        assertEquals(List.of("First"), titles(VIEWER));

        pages.remove(first);
        assertEquals(List.of("Second"), titles(VIEWER));
    }

    @Test
    void brokenPagesAreLeftOut() {
        pages.add(page("Bad Id", "T", "G", 1, "/console/x.js"));
        pages.add(page("no-title", " ", "G", 1, "/console/x.js"));
        pages.add(page("elsewhere", "T", "G", 1, "https://evil.example/x.js"));
        pages.add(page("escapes", "T", "G", 1, "/console/../api/v1/x.js"));
        pages.add(page("not-a-module", "T", "G", 1, "/console/x.html"));
        pages.add(new TestPage("throws", "T", "G", 1, "/console/x.js", Optional.empty(), false) {
            @Override
            public String title() {
                throw new IllegalStateException("broken plugin");
            }
        });
        pages.add(page("fine", "T", "G", 1, "/console/fine.js"));

        assertEquals(List.of("fine"), ids(ADMIN));
    }

    @Test
    void theConsolesOwnPagesAreDeclaredWithServicePropertiesInTheirNavigationOrder() throws Exception {
        pages.addModules(new ShellPages(), declared(ShellPages.class));
        pages.addModules(new AdminPages(), declared(AdminPages.class));

        assertEquals(List.of(
                new ConsolePages.Entry("dashboard", "Dashboard", "Key accounts", 0, "/console/pages/dashboard.js"),
                new ConsolePages.Entry("accounts", "Accounts", "Key accounts", 10, "/console/pages/accounts.js"),
                new ConsolePages.Entry("admin-bundles", "Bundles", "Administration", 10,
                        "/console/pages/admin-bundles.js"),
                new ConsolePages.Entry("admin-configuration", "Configuration", "Administration", 20,
                        "/console/pages/admin-configuration.js"),
                new ConsolePages.Entry("admin-users", "Users", "Administration", 900, "/console/pages/admin-users.js"),
                new ConsolePages.Entry("api-tokens", "API tokens", "Administration", 910,
                        "/console/pages/api-tokens.js"),
                new ConsolePages.Entry("api", "API documentation", "Administration", 920,
                        "/console/pages/api-docs.js"),
                new ConsolePages.Entry("import", "Import", "Administration", 920, "/console/pages/import.js")),
                pages.visibleTo(ADMIN));
        assertEquals(List.of("dashboard", "accounts", "api-tokens", "api", "import"), ids(VIEWER),
                "users, bundles and configuration are for global administrators only");
        assertEquals(List.of("dashboard", "accounts", "api-tokens", "api", "import"), ids(MANAGER));
    }

    @Test
    void aModulePathIsGivenOnlyByServicesThatServeTheirModulesThemselves() {
        assertEquals("/console/plugins/acme/margins.js",
                PageDeclaration.parse("acme-margins; title=M; group=G; module=margins.js", "acme", true).moduleUrl());
        assertEquals("/console/pages/margins.js", PageDeclaration.parse(
                "acme-margins; title=M; group=G; module=/console/pages/margins.js", "acme", false).moduleUrl());
        assertThrows(IllegalArgumentException.class, () -> PageDeclaration.parse(
                "acme-margins; title=M; group=G; module=/console/pages/margins.js", "acme", true));
        assertThrows(IllegalArgumentException.class,
                () -> PageDeclaration.parse("acme-margins; title=M; group=G; module=margins.js", "acme", false));
    }

    /** The service properties DS registers for the component: read from the description bnd generates. */
    private static ServiceReference<ConsoleModules> declared(Class<?> component) throws Exception {
        String description = "/OSGI-INF/" + component.getName() + ".xml";
        Document xml;
        try (InputStream in = component.getResourceAsStream(description)) {
            assertNotNull(in, description + " is missing: bnd generates it when the classes are processed");
            xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
        }
        assertEquals(ConsoleModules.class.getName(),
                ((Element) xml.getElementsByTagName("provide").item(0)).getAttribute("interface"));
        Map<String, Object> properties = new HashMap<>();
        NodeList list = xml.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            if (!p.getAttribute("value").isEmpty()) {
                properties.put(p.getAttribute("name"), p.getAttribute("value"));
                continue;
            }
            // DS writes a String+ property as element text, one value a line
            List<String> values = new ArrayList<>();
            for (String v : p.getTextContent().split("\n")) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
            properties.put(p.getAttribute("name"), values.toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        ServiceReference<ConsoleModules> reference = (ServiceReference<ConsoleModules>) Proxy.newProxyInstance(
                ConsolePagesTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return reference;
    }

    private List<String> ids(Caller caller) {
        return pages.visibleTo(caller).stream().map(ConsolePages.Entry::id).toList();
    }

    private List<String> titles(Caller caller) {
        return pages.visibleTo(caller).stream().map(ConsolePages.Entry::title).toList();
    }

    private static ConsolePage page(String id, String title, String group, int order, String module) {
        return new TestPage(id, title, group, order, module, Optional.empty(), false);
    }

    @Test
    void aPluginsPagesShowOnlyForTheUnitsItsEnablementPidServes() {
        List<Map<String, Object>> configured = new java.util.ArrayList<>();
        ConsolePages byUnit = new ConsolePages(new PluginEnablement(pid -> pid.equals("com.example.retail.settings")
                ? configured : List.of()));
        byUnit.add(page("accounts", "Accounts", "Key accounts", 10, "/console/pages/accounts.js"));
        byUnit.addModules(new ConsoleModules() { }, reference(Map.of(ConsoleModules.PLUGIN, "retail",
                ConsoleModules.FOLDER, "/retail-console", ConsoleModules.ENABLEMENT, "com.example.retail.settings",
                ConsoleModules.PAGE, "retail-plan; title=Plan; group=Retail; module=plan.js")));

        assertEquals(List.of("accounts"), ids(byUnit, MANAGER, null), "no configuration: no unit is served");
        assertEquals(List.of("accounts"), ids(byUnit, ADMIN, null));
        configured.add(Map.of("businessUnit", "bu-b"));
        assertEquals(List.of("accounts", "retail-plan"), ids(byUnit, MANAGER, "bu-b"));
        assertEquals(List.of("accounts"), ids(byUnit, MANAGER, "bu-a"), "the unit without the plugin");
        assertEquals(List.of("accounts", "retail-plan"), ids(byUnit, MANAGER, null), "one of the manager's units");
        assertEquals(List.of("accounts"), ids(byUnit, VIEWER, null), "none of the viewer's units");
        assertEquals(List.of("accounts", "retail-plan"), ids(byUnit, ADMIN, null), "some unit is served");

        configured.add(Map.of("businessUnit", "*"));
        configured.add(Map.of("businessUnit", "bu-c", "enabled", "false"));
        assertEquals(List.of("accounts", "retail-plan"), ids(byUnit, VIEWER, null), "every unit");
        assertEquals(List.of("accounts"), ids(byUnit, ADMIN, "bu-c"), "a unit opted out");
    }

    private static List<String> ids(ConsolePages pages, Caller caller, String unit) {
        return pages.visibleTo(caller, unit).stream().map(ConsolePages.Entry::id).toList();
    }

    /** A service reference with only properties, as the pages read it. */
    @SuppressWarnings("unchecked")
    private static org.osgi.framework.ServiceReference<ConsoleModules> reference(Map<String, Object> properties) {
        return (org.osgi.framework.ServiceReference<ConsoleModules>) java.lang.reflect.Proxy.newProxyInstance(
                ConsolePagesTest.class.getClassLoader(), new Class<?>[] {org.osgi.framework.ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static class TestPage implements ConsolePage {
        private final String id;
        private final String title;
        private final String group;
        private final int order;
        private final String module;
        private final Optional<Role> role;
        private final boolean adminOnly;

        TestPage(String id, String title, String group, int order, String module, Optional<Role> role,
                boolean adminOnly) {
            this.id = id;
            this.title = title;
            this.group = group;
            this.order = order;
            this.module = module;
            this.role = role;
            this.adminOnly = adminOnly;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public String group() {
            return group;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public String moduleUrl() {
            return module;
        }

        @Override
        public Optional<Role> requiredRole() {
            return role;
        }

        @Override
        public boolean adminOnly() {
            return adminOnly;
        }
    }
}
