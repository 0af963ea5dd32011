package org.openkam.scoring.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkam.api.Role;
import org.openkam.http.api.ConsoleModules;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The console pages as the bundle declares them: read from the component description bnd generates for
 * {@link ScoringConsole}, i.e. the service properties DS registers, and checked against the rules of
 * {@link ConsoleModules} and against the module files the bundle carries.
 */
class ScoringConsoleTest {

    private static final String DESCRIPTION = "/OSGI-INF/" + ScoringConsole.class.getName() + ".xml";
    private static final Set<String> ATTRIBUTES = Set.of("title", "group", "module", "order", "role", "admin");
    /** A plain file name ending in .js, as the kit serves it: no folders, no "..". */
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.js");
    private static final Pattern IMPORT = Pattern.compile("\\bfrom\\s+'([^']+)'");
    private static Map<String, List<String>> properties;
    private static Map<String, Map<String, String>> pages;

    /** A page of the scoring group: the attributes that differ from page to page. */
    private record Page(String id, String title, int order, String module, String role) {
    }

    @BeforeAll
    static void readTheComponentDescription() throws Exception {
        Document xml;
        try (InputStream in = ScoringConsole.class.getResourceAsStream(DESCRIPTION)) {
            assertNotNull(in, DESCRIPTION + " is missing: bnd generates it when the classes are processed");
            xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
        }
        NodeList provided = xml.getElementsByTagName("provide");
        assertEquals(1, provided.getLength());
        assertEquals(ConsoleModules.class.getName(), ((Element) provided.item(0)).getAttribute("interface"));
        properties = new LinkedHashMap<>();
        NodeList list = xml.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            List<String> values = new ArrayList<>();
            String single = p.getAttribute("value");
            // DS writes a String+ property as element text, one value a line
            for (String v : single.isEmpty() ? p.getTextContent().split("\n") : new String[] {single}) {
                if (!v.isBlank()) {
                    values.add(v.strip());
                }
            }
            properties.put(p.getAttribute("name"), values);
        }
        pages = new LinkedHashMap<>();
        for (String entry : properties.getOrDefault(ConsoleModules.PAGE, List.of())) {
            String[] parts = entry.split(";");
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                assertEquals(2, pair.length, () -> entry + ": an attribute is key=value");
                assertEquals(null, attributes.put(pair[0].strip(), pair[1].strip()), () -> entry + ": repeated");
            }
            assertEquals(null, pages.put(parts[0].strip(), attributes), () -> parts[0] + " is declared twice");
        }
    }

    @Test
    void theModulesOfTheScoringFolderAreServedUnderThePluginsName() {
        assertEquals(List.of("scoring"), properties.get(ConsoleModules.PLUGIN));
        assertEquals(List.of("/scoring-console"), properties.get(ConsoleModules.FOLDER));
    }

    @Test
    void thePagesAreTheScoringGroupWithTheirTitlesOrdersAndRoles() {
        List<Page> declared = new ArrayList<>();
        pages.forEach((id, a) -> declared.add(new Page(id, a.get("title"), Integer.parseInt(a.get("order")),
                a.get("module"), a.get("role"))));
        assertEquals(List.of(
                new Page("scoring-portfolio", "Portfolio", 10, "portfolio.js", null),
                new Page("scoring-recommendations", "Key-account candidates", 20, "recommendations.js", null),
                new Page("scoring-models", "Scoring models", 30, "models.js", Role.BU_ADMIN.key())), declared);
        pages.forEach((id, a) -> {
            assertEquals("Scoring", a.get("group"), id);
            assertFalse(a.containsKey("admin"), id + ": unit administrators and readers see the scoring pages");
        });
    }

    @Test
    void everyPageFollowsTheContract() {
        pages.forEach((id, a) -> {
            assertTrue(id.matches("scoring(-[a-z0-9]+)+"), id + ": the plugin's name, then lower-case words");
            assertTrue(ATTRIBUTES.containsAll(a.keySet()), id + ": unknown attributes in " + a.keySet());
            List.of("title", "group", "module").forEach(k -> assertFalse(a.getOrDefault(k, "").isBlank(), id + " " + k));
            assertTrue(a.get("module").matches(MODULE.pattern()), id + ": " + a.get("module"));
            if (a.containsKey("role")) {
                assertTrue(Role.fromKey(a.get("role")).isPresent(), id + ": no role " + a.get("role"));
            }
        });
    }

    @Test
    void everyPageModuleIsInTheFolderAndExportsRender() throws IOException {
        for (Map.Entry<String, Map<String, String>> page : pages.entrySet()) {
            String module = read(page.getValue().get("module"));
            assertTrue(module.contains("export async function render(element, context)"), page.getKey());
            assertFalse(module.contains("innerHTML"), page.getKey() + " builds its DOM from data as text only");
        }
    }

    /**
     * The folder is served flat, so a module's relative imports must name plain files beside it; anything else comes
     * from the versioned console kit.
     */
    @Test
    void importsAreModulesOfTheFolderOrOfTheConsoleKit() throws IOException {
        List<String> modules = new ArrayList<>(pages.values().stream().map(a -> a.get("module")).toList());
        for (int i = 0; i < modules.size(); i++) {
            Matcher m = IMPORT.matcher(read(modules.get(i)));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("./")) {
                    String name = target.substring(2);
                    assertTrue(name.matches(MODULE.pattern()), modules.get(i) + " imports " + target);
                    if (!modules.contains(name)) {
                        modules.add(name);
                    }
                } else {
                    assertTrue(target.startsWith("/console/kit/v1/"), modules.get(i) + " imports " + target
                            + ", outside the console kit (the contract for plugin pages)");
                }
            }
        }
        assertTrue(modules.contains("common.js"), "the pages share common.js: " + modules);
    }

    private static String read(String module) throws IOException {
        String resource = properties.get(ConsoleModules.FOLDER).get(0) + "/" + module;
        try (InputStream in = ScoringConsole.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing from the bundle");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
