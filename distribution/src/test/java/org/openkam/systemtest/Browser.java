package org.openkam.systemtest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.selenium.AxeBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The web console of one running product in a real browser: headless Chromium from the system's packages,
 * driven through the system's chromedriver (never a downloaded one), one per test JVM, reset between test classes.
 * Tests sign in, open console addresses, wait for pages to settle, check accessibility with axe-core and save
 * screenshots for reviewers under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** The window the console must work in; {@link #narrow()} checks a phone, {@link #wide()} a wide screen. */
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension NARROW = new Dimension(390, 844);
    /** A large desktop screen, for pages with wide tables. */
    public static final Dimension WIDE = new Dimension(1440, 900);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Selenium polls every 500 ms by default, which made each page a test opened wait about half a second idle. */
    private static final Duration POLL = Duration.ofMillis(20);
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    /** axe-core itself, as its Selenium package ships it. */
    private static final String AXE_SCRIPT = axeScript();
    /**
     * Runs axe-core's rules of the given tags over the document. Of the rules passed only their number comes back; of
     * each violation its rule, impact, help text and every element it found with axe-core's summary of the failure.
     */
    private static final String AXE_RUN = """
            const tags = arguments[0], done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))})))
              .catch(e => done(JSON.stringify({error: String(e && e.stack || e)})));
            """;

    /** The Chromium the last closed browser of this test JVM left for the next test class (a launch took 2-4 s here). */
    private static Chromium idle;

    private final OpenKamProcess openkam;
    private final Chromium chromium;
    private final ChromeDriver driver;

    private Browser(OpenKamProcess openkam, Chromium chromium) {
        this.openkam = openkam;
        this.chromium = chromium;
        this.driver = chromium.driver;
    }

    /**
     * A headless Chromium at 1280x800 for the given product, as fresh as a new profile: the one an earlier test class
     * of this JVM closed, in a new tab with no cookies, storage, cache or log entries of before, or else a new one.
     */
    public static Browser open(OpenKamProcess openkam) {
        Chromium reused;
        synchronized (Browser.class) {
            reused = idle;
            idle = null;
        }
        if (reused != null && reused.reset()) {
            return new Browser(openkam, reused);
        }
        return new Browser(openkam, Chromium.launch());
    }

    private static Path executable(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.isExecutable(path)) {
            fail("The browser tests need " + path + ": install the Debian packages chromium and chromium-driver"
                    + " (apt-get install -y --no-install-recommends chromium chromium-driver; .ci/run does), or"
                    + " name the programs with -D" + property + "=...");
        }
        return path;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads the console's sign-in page (signing out whoever is signed in), signs in and waits for the first page. */
    public Browser signIn(String username, String password) {
        driver.get(openkam.baseUri() + "/console/");
        By signOutButton = By.xpath("//button[normalize-space()='Sign out']");
        if (driver.findElements(signOutButton).isEmpty() && driver.findElements(By.id("username")).isEmpty()) {
            // the shell renders the form or, for a session, the Sign out button once it has asked for the session
            try {
                waiting(WAIT).until(d -> !d.findElements(By.id("username")).isEmpty()
                        || !d.findElements(signOutButton).isEmpty());
            } catch (TimeoutException e) {
                throw new AssertionError("Neither the sign-in form nor a session showed on " + driver.getCurrentUrl()
                        + "; the main area shows: " + mainText() + browserErrors(), e);
            }
        }
        List<WebElement> signOut = driver.findElements(signOutButton);
        if (!signOut.isEmpty()) {
            if (!signOut.get(0).isDisplayed()) {
                openMenu();
            }
            signOut.get(0).click();
        }
        WebElement user = waitFor(By.id("username"));
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        // on a phone the navigation is there but hidden behind the Menu button
        waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#navigation:not([hidden])")));
        return awaitPage();
    }

    /** Opens the menu a phone hides behind the Menu button and returns that button. */
    public WebElement openMenu() {
        WebElement menu = waitFor(By.id("menu-button"));
        if (!"true".equals(menu.getAttribute("aria-expanded"))) {
            menu.click();
        }
        waitFor(By.cssSelector("#navigation a"));
        return menu;
    }

    public Browser signInAsAdmin() {
        return signIn(OpenKamProcess.ADMIN, OpenKamProcess.ADMIN_PASSWORD);
    }

    /** Loads a console address such as {@code #/accounts/<id>} afresh and waits for its page to settle. */
    public Browser open(String address) {
        String console = openkam.baseUri() + "/console/";
        if (driver.getCurrentUrl().startsWith(console)) {
            // Loading the same document with another fragment would not reload it: change it, then reload.
            script("history.replaceState(null, '', arguments[0]);", console + address);
            driver.navigate().refresh();
        } else {
            driver.get(console + address);
        }
        return awaitPage();
    }

    /**
     * Goes to another console address as a link does, without loading the document again: the shell renders the
     * address's page and this waits for it. Falls back to {@link #open} outside the console or for the address shown.
     */
    public Browser go(String address) {
        String target = openkam.baseUri() + "/console/" + address;
        String current = driver.getCurrentUrl();
        if (!current.startsWith(openkam.baseUri() + "/console/") || current.equals(target)) {
            return open(address);
        }
        WebElement before = driver.findElement(By.cssSelector("#main > section"));
        script("location.hash = arguments[0];", address);
        waiting(WAIT).until(ExpectedConditions.stalenessOf(before));
        return awaitPage();
    }

    /** Waits until the page in the main area has rendered (the shell marks its section data-ready). */
    public Browser awaitPage() {
        waitFor(By.cssSelector("#main > section[data-ready='true']"));
        return this;
    }

    /** Clicks something that opens another page (or renders this one again) and waits for the new page. */
    public Browser clickAndAwaitPage(WebElement target) {
        WebElement before = driver.findElement(By.cssSelector("#main > section"));
        target.click();
        waiting(WAIT).until(ExpectedConditions.stalenessOf(before));
        return awaitPage();
    }

    /** A wait of up to {@code timeout} that checks its condition every 20 ms. */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    public WebElement waitFor(By locator) {
        try {
            return waiting(WAIT).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("Nothing visible matches " + locator + " on " + driver.getCurrentUrl()
                    + "; the main area shows: " + mainText() + browserErrors(), e);
        }
    }

    /** Waits until an element matching the locator shows the given text. */
    public WebElement waitForText(By locator, String text) {
        try {
            waiting(WAIT).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        } catch (TimeoutException e) {
            throw new AssertionError("No " + locator + " shows \"" + text + "\" on " + driver.getCurrentUrl()
                    + "; the main area shows: " + mainText() + browserErrors(), e);
        }
        return driver.findElement(locator);
    }

    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    public String mainText() {
        List<WebElement> main = driver.findElements(By.id("main"));
        return main.isEmpty() ? "(no main area)" : main.get(0).getText();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Resizes the window to a phone's (390 x 844), for checks that the console stays usable there. */
    public Browser narrow() {
        return resize(NARROW);
    }

    /** Resizes the window to {@link #WIDE}. */
    public Browser wide() {
        return resize(WIDE);
    }

    /**
     * Clicks something that makes the browser download a file (a "Download CSV" button), waits for the file and
     * returns its text as saved.
     */
    public String download(WebElement trigger) {
        try {
            Path dir = Files.createTempDirectory(chromium.profile, "downloads-");
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", dir.toString()));
            trigger.click();
            // Chromium may reserve the file's name with an empty file while it still writes the .crdownload one:
            // done when no .crdownload is left and the file holds something (every download here has a header)
            Path file = waiting(WAIT).until(d -> {
                try (var files = Files.list(dir)) {
                    List<Path> all = files.toList();
                    if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
                        return null;
                    }
                    return all.stream().filter(f -> f.toFile().length() > 0).findFirst().orElse(null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("Nothing was downloaded after clicking " + trigger.getText() + browserErrors(), e);
        }
    }

    public Browser desktop() {
        return resize(DESKTOP);
    }

    /**
     * Resizes the window and waits until the page has laid itself out at the new width: charts redraw from a
     * resize observer a frame or two later, so a check made at once would still see the old canvas.
     */
    private Browser resize(Dimension size) {
        driver.manage().window().setSize(size);
        try {
            waiting(WAIT).until(d -> Boolean.TRUE.equals(script(
                    "return window.innerWidth === arguments[0];", size.getWidth())));
        } catch (TimeoutException e) {
            throw new AssertionError("The window did not take the width " + size.getWidth() + "; it is "
                    + script("return window.innerWidth;"), e);
        }
        awaitFrames();
        return this;
    }

    /** Lets the browser render a few frames, so resize observers and the redraws they schedule have run. */
    private void awaitFrames() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1]; let frames = 3;"
                + "const next = () => --frames > 0 ? requestAnimationFrame(next) : setTimeout(done, 0);"
                + "requestAnimationFrame(next);");
    }

    /** True if the document scrolls sideways, which a usable narrow layout must not need. */
    public boolean scrollsSideways() {
        awaitFrames();
        Object wider = script("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(wider);
    }

    /** The elements that reach past the window's right edge, for a failure message. */
    public String tooWide() {
        return String.valueOf(script("const w = document.documentElement.clientWidth; return [...document"
                + ".querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".join(', ');"));
    }

    /**
     * Runs axe-core over the current page and fails on any critical or serious violation, naming each rule and
     * the elements it found. axe-core's script is put into a page once (a page opened afresh needs it again), and
     * the page hands back only the violations and the number of rules passed: axe-core's Selenium builder injected
     * it for every check and carried every rule's full result across, which took about twice as long as the check.
     */
    public Browser assertAccessible(String what) {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object';"))) {
            script(AXE_SCRIPT);
        }
        JsonObject results = JsonParser.parseString(String.valueOf(driver.executeAsyncScript(AXE_RUN, AXE_TAGS)))
                .getAsJsonObject();
        if (results.has("error")) {
            fail("axe-core could not check " + what + ": " + results.get("error").getAsString());
        }
        List<String> grave = new ArrayList<>();
        for (JsonElement v : results.getAsJsonArray("violations")) {
            JsonObject rule = v.getAsJsonObject();
            String impact = rule.get("impact").isJsonNull() ? "" : rule.get("impact").getAsString();
            if (impact.equals("critical") || impact.equals("serious")) {
                StringBuilder text = new StringBuilder("- ").append(impact).append(' ').append(rule.get("id")
                        .getAsString()).append(": ").append(rule.get("help").getAsString());
                for (JsonElement n : rule.getAsJsonArray("nodes")) {
                    JsonElement summary = n.getAsJsonObject().get("summary");
                    text.append("\n    ").append(n.getAsJsonObject().get("target")).append(' ')
                            .append(summary == null || summary.isJsonNull() ? "" : summary.getAsString());
                }
                grave.add(text.toString());
            }
        }
        assertTrue(grave.isEmpty(), () -> what + " has critical or serious accessibility violations:\n"
                + String.join("\n", grave));
        assertTrue(results.get("passes").getAsInt() > 0, "axe-core checked nothing on " + what);
        return this;
    }

    private static String axeScript() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from axe-core's Selenium package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails if the page logged an error (a failed script, a Content-Security-Policy violation, a 5xx). */
    public Browser assertNoErrors(String what) {
        String errors = browserErrors();
        assertTrue(errors.isEmpty(), what + " logged errors in the browser:" + errors);
        return this;
    }

    private String browserErrors() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        return entries.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // a 4xx answer the page expected (a validation error, a 404 it handles) is not a failure
                .filter(e -> !e.getMessage().matches("(?s).*the server responded with a status of 4\\d\\d.*"))
                .map(e -> "\n  " + e.getMessage()).collect(Collectors.joining());
    }

    /** Saves a screenshot of the whole page (as tall as its content) as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("openkam.screenshots", "target/screenshots"));
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Number height = (Number) script("return document.documentElement.scrollHeight;");
            Number inner = (Number) script("return window.innerHeight;");
            int chrome = window.getHeight() - inner.intValue();
            driver.manage().window().setSize(new Dimension(window.getWidth(),
                    Math.min(4000, Math.max(window.getHeight(), height.intValue() + chrome))));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** The data attributes of an element, for charts that publish what they drew. */
    @SuppressWarnings("unchecked")
    public Map<String, String> dataset(WebElement element) {
        return (Map<String, String>) script("return Object.assign({}, arguments[0].dataset);", element);
    }

    /** Closes a test class's browser, then its product; either may be null (its start failed). */
    public static void closeBoth(Browser browser, OpenKamProcess openkam) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (openkam != null) {
                openkam.close();
            }
        }
    }

    /** Leaves this browser's Chromium for the next test class of the JVM (or quits it if one waits already). */
    @Override
    public void close() {
        synchronized (Browser.class) {
            if (idle == null) {
                idle = chromium;
                return;
            }
        }
        chromium.quit();
    }

    /** One Chromium process with its chromedriver and its own temporary profile. */
    private static final class Chromium {
        private final ChromeDriverService service;
        private final ChromeDriver driver;
        private final Path profile;
        private boolean ended;

        private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
            this.service = service;
            this.driver = driver;
            this.profile = profile;
        }

        static Chromium launch() {
            Path chromium = executable("openkam.chromium", "/usr/bin/chromium");
            Path chromedriver = executable("openkam.chromedriver", "/usr/bin/chromedriver");
            Path profile;
            try {
                profile = Files.createTempDirectory("openkam-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // Without the networking flags Chromium keeps calling home, which this machine's closed network refuses.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=en-US", "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(DESKTOP);
            Chromium launched = new Chromium(service, driver, profile);
            Runtime.getRuntime().addShutdownHook(new Thread(launched::quit, "openkam-system-test-chromium"));
            return launched;
        }

        /**
         * Makes it as a new profile would be: a new tab (no session storage, history or emulation of the old ones),
         * no cookies, no cached answers, no log entries, the default window. False (and quit) if that failed, e.g.
         * after a test left a dialog open.
         */
        boolean reset() {
            try {
                String old = driver.getWindowHandle();
                driver.switchTo().newWindow(WindowType.TAB);
                String fresh = driver.getWindowHandle();
                driver.switchTo().window(old).close();
                driver.switchTo().window(fresh);
                driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
                driver.manage().logs().get(LogType.BROWSER);
                driver.manage().window().setSize(DESKTOP);
                return true;
            } catch (RuntimeException e) {
                quit();
                return false;
            }
        }

        synchronized void quit() {
            if (ended) {
                return;
            }
            ended = true;
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // already gone: nothing left to end
            } finally {
                service.stop();
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a leftover temporary profile is harmless
                }
            }
        }
    }
}
