package org.openkam.registry.internal.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.NotFoundException;
import org.openkam.api.Role;
import org.openkam.api.ValidationException;
import org.openkam.api.Violation;
import org.openkam.api.configuration.ConfigurationUptake;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.unit.UnitConfiguration;
import org.openkam.api.unit.UnitEnablement;
import org.openkam.registry.internal.audit.AuditTrailService;
import org.openkam.registry.internal.db.SqlDatabase;
import org.osgi.service.cm.Configuration;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

class UnitConfigurationServiceTest {

    private static final String FACTORY = "org.acme.rating";
    private static final Caller ADMIN = new Caller("u-admin", "admin", true, Map.of());
    private static final Caller BOSS = new Caller("u-boss", "boss", false, Map.of("north", Set.of(Role.BU_ADMIN)));
    private static final Caller KAM = new Caller("u-kam", "kam", false,
            Map.of("north", Set.of(Role.KEY_ACCOUNT_MANAGER)));
    private static final ObjectClassDefinition RATING = new Definition(FACTORY, List.of(
            new Attribute(UnitEnablement.BUSINESS_UNIT, AttributeDefinition.STRING, null),
            new Attribute(UnitEnablement.ENABLED, AttributeDefinition.BOOLEAN, null),
            new Attribute("weight", AttributeDefinition.DOUBLE, null),
            new Attribute("count", AttributeDefinition.INTEGER, null),
            new Attribute("tier", AttributeDefinition.STRING, new String[] {"A", "B"})));

    @TempDir
    Path etc;
    private final SqlDatabase database = database();
    private final Plugin plugin = new Plugin();
    private InMemoryConfigurationAdmin admin;
    private UnitConfigurationService service;

    @BeforeEach
    void setUp() {
        admin = new InMemoryConfigurationAdmin();
        service = service(admin);
    }

    private UnitConfigurationService service(InMemoryConfigurationAdmin configurationAdmin) {
        return new UnitConfigurationService(database, new Units(), configurationAdmin, pid -> pid.equals(FACTORY) ? RATING : null,
                new ConfigurationFiles(configurationAdmin, etc), plugin);
    }

    @Test
    void aWrittenConfigurationIsKeptInEtcAndSurvivesARestartWithACleanFrameworkStorage() throws IOException {
        UnitConfiguration written = service.write(BOSS, FACTORY, "north", Map.of("weight", "70", "count", " 3"), true);
        assertEquals(new UnitConfiguration(FACTORY, "north", true, FACTORY + "~north",
                Map.of("weight", "70.0", "count", "3")), written, "canonical texts, a named factory configuration");
        Path file = etc.resolve(FACTORY + "-north.cfg");
        assertEquals(Map.of("businessUnit", "north", "weight", "70.0", "count", "3"), load(file));
        assertEquals(file.toFile().getAbsoluteFile().toURI().toString(), admin.all().get(FACTORY + "~north").get("felix.fileinstall.filename"),
                "tied to its file as FileInstall ties them");

        InMemoryConfigurationAdmin restarted = fileInstallReads(etc);
        assertEquals(Optional.of(written), service(restarted).read(BOSS, FACTORY, "north"), "the same after a restart");

        UnitConfiguration replaced = service(restarted).write(BOSS, FACTORY, "north", Map.of("weight", "10"), false);
        assertEquals(new UnitConfiguration(FACTORY, "north", false, FACTORY + "~north", Map.of("weight", "10.0")),
                replaced);
        assertEquals(Map.of("businessUnit", "north", "weight", "10.0", "enabled", "false"), load(file),
                "the file is replaced, not added to");
        assertEquals(List.of(file), files(), "one file per unit");

        service(restarted).delete(BOSS, FACTORY, "north");
        assertEquals(List.of(), files(), "deleting removes the file, or FileInstall would bring it back");
        assertEquals(Map.of(), restarted.all());
        assertThrows(NotFoundException.class, () -> service(restarted).delete(BOSS, FACTORY, "north"));
    }

    @Test
    void aUnitConfiguredAgainAfterADeleteGetsANewPidSoFileInstallsLateDeleteCannotTakeItsFile() throws IOException {
        String first = service.write(BOSS, FACTORY, "north", Map.of("weight", "70"), true).pid();
        service.delete(BOSS, FACTORY, "north");
        UnitConfiguration again = service.write(BOSS, FACTORY, "north", Map.of("weight", "20"), true);
        assertNotEquals(first, again.pid());
        // what FileInstall does when it handles the first deletion, after the second write
        Files.deleteIfExists(etc.resolve(FACTORY + "-north.cfg"));
        assertEquals(List.of(etc.resolve(FACTORY + "-" + again.pid().substring(again.pid().indexOf('~') + 1)
                + ".cfg")), files(), "the new configuration's file is another one");
        assertEquals(Optional.of(again), fileInstallRestarted().read(BOSS, FACTORY, "north"));
    }

    private UnitConfigurationService fileInstallRestarted() throws IOException {
        return service(fileInstallReads(etc));
    }

    private static SqlDatabase database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:units-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + SqlDatabase.H2_OPTIONS);
        SqlDatabase db = new SqlDatabase(h2, null);
        db.migrate(org.openkam.registry.internal.account.AccountService.class);
        return db;
    }

    /** The unit's configuration changes in the trail, newest first: action and field changes. */
    private List<String> trail() {
        return new AuditTrailService(database).all(ADMIN, UnitConfigurationService.AUDIT_TYPE, 50, null).items()
                .stream().map(e -> e.entityId() + " " + e.businessUnit() + " " + e.action() + " by " + e.actorName()
                        + " " + e.changes().stream().map(c -> c.field() + ":" + c.before() + "->" + c.after()).toList())
                .toList();
    }

    @Test
    void everyChangeIsInTheAuditTrailWithItsCallerAndPasswordsMasked() throws IOException {
        ObjectClassDefinition withSecret = new Definition(FACTORY, List.of(
                new Attribute("weight", AttributeDefinition.DOUBLE, null),
                new Attribute("apiKey", AttributeDefinition.PASSWORD, null)));
        UnitConfigurationService s = new UnitConfigurationService(database, new Units(), admin, pid -> withSecret,
                new ConfigurationFiles(admin, etc), plugin);
        s.write(BOSS, FACTORY, "north", Map.of("weight", "70", "apiKey", "k1"), true);
        s.write(BOSS, FACTORY, "north", Map.of("weight", "80", "apiKey", "k2"), true);
        s.switchTo(BOSS, FACTORY, "north", false);
        assertThrows(AccessDeniedException.class, () -> s.delete(KAM, FACTORY, "north"));
        s.delete(BOSS, FACTORY, "north");
        String pid = FACTORY + "~north";
        assertEquals(List.of(
                pid + " north deleted by boss [apiKey:(secret)->null, businessUnit:north->null, enabled:false->null, "
                        + "weight:80.0->null]",
                pid + " north updated by boss [enabled:null->false]",
                pid + " north updated by boss [apiKey:(secret)->(secret, changed), weight:70.0->80.0]",
                pid + " north created by boss [apiKey:null->(secret), businessUnit:null->north, weight:null->70.0]"),
                trail(), "the refused deletion is not in it, and no key in clear");
    }

    @Test
    void everyBadParameterIsNamedAndNothingIsWritten() throws IOException {
        ValidationException e = assertThrows(ValidationException.class, () -> service.write(ADMIN, FACTORY, "north",
                Map.of("weight", "lots", "colour", "red", "enabled", "false", "businessUnit", "south", "tier", "C",
                        "count", "${user.home}"), true));
        assertEquals(Set.of("parameters.weight", "parameters.colour", "parameters.enabled", "parameters.businessUnit",
                "parameters.tier", "parameters.count"),
                Set.copyOf(e.violations().stream().map(Violation::field).toList()), e.getMessage());
        assertTrue(e.getMessage().contains("known: [weight, count, tier]"), e.getMessage());
        assertEquals(Map.of(), admin.all());
        assertEquals(List.of(), files());
    }

    @Test
    void aNumberBeyondDoubleIsRefusedNotStoredAsInfinity() throws IOException {
        for (String huge : List.of("1e999999", "-1e999999", "1e400", "Infinity", "NaN")) {
            ValidationException e = assertThrows(ValidationException.class, () -> service.write(ADMIN, FACTORY, "north",
                    Map.of("weight", huge), true), huge);
            assertEquals(List.of("parameters.weight"), e.violations().stream().map(Violation::field).toList());
        }
        assertEquals(Map.of(), admin.all());
        assertEquals(List.of(), files());
    }

    @Test
    void theMetatypesOwnValidationApplies() {
        ObjectClassDefinition bounded = new Definition(FACTORY, List.of(new Attribute("weight",
                AttributeDefinition.DOUBLE, null) {
            @Override
            public String validate(String value) {
                return Double.parseDouble(value) > 100 ? "must be at most 100" : "";
            }
        }));
        UnitConfigurationService strict = new UnitConfigurationService(database, new Units(), admin, pid -> bounded,
                new ConfigurationFiles(admin, etc), plugin);
        ValidationException e = assertThrows(ValidationException.class,
                () -> strict.write(ADMIN, FACTORY, "north", Map.of("weight", "101"), true));
        assertEquals(List.of(new Violation("parameters.weight", "must be at most 100")), e.violations());
    }

    @Test
    void withoutMetatypeNoParameterIsKnownButTheSwitchWorks() throws IOException {
        assertThrows(ValidationException.class, () -> service.write(ADMIN, "org.acme.plain", "north",
                Map.of("x", "1"), true));
        assertFalse(service.write(ADMIN, "org.acme.plain", "north", Map.of(), false).enabled());
        assertEquals(List.of(etc.resolve("org.acme.plain-north.cfg")), files());
    }

    @Test
    void everyUnitIsForAdministratorsAndAUnitForItsBuAdmins() throws IOException {
        assertThrows(AccessDeniedException.class, () -> service.write(BOSS, FACTORY, "*", Map.of(), true));
        assertThrows(AccessDeniedException.class, () -> service.write(KAM, FACTORY, "north", Map.of(), true));
        assertThrows(AccessDeniedException.class, () -> service.switchTo(KAM, FACTORY, "north", false));
        assertThrows(AccessDeniedException.class, () -> service.delete(KAM, FACTORY, "north"));
        assertThrows(NotFoundException.class, () -> service.write(BOSS, FACTORY, "south", Map.of(), true),
                "a unit the caller cannot see");
        assertThrows(NotFoundException.class, () -> service.write(ADMIN, FACTORY, "nowhere", Map.of(), true));
        assertEquals(Map.of(), admin.all(), "nothing written");

        UnitConfiguration every = service.write(ADMIN, FACTORY, "*", Map.of("tier", "B"), true);
        assertEquals(FACTORY + "~default", every.pid());
        assertTrue(Files.exists(etc.resolve(FACTORY + "-default.cfg")));
        assertEquals(Optional.empty(), service.read(KAM, FACTORY, "north"), "reading needs only to see the unit");
        assertEquals(Optional.of(every), service.read(KAM, FACTORY, "*"));
        assertThrows(NotFoundException.class, () -> service.read(KAM, FACTORY, "south"));
    }

    @Test
    void switchingKeepsTheParametersAndLetsEveryUnitTakeOverAgain() throws IOException {
        service.write(ADMIN, FACTORY, "*", Map.of("weight", "50"), true);
        UnitConfiguration off = service.switchTo(BOSS, FACTORY, "north", false);
        assertEquals(new UnitConfiguration(FACTORY, "north", false, FACTORY + "~north", Map.of()), off);
        assertEquals(Map.of("businessUnit", "north", "enabled", "false"), load(etc.resolve(FACTORY + "-north.cfg")));

        assertEquals(new UnitConfiguration(FACTORY, "north", true, null, Map.of()),
                service.switchTo(BOSS, FACTORY, "north", true), "the configuration for every unit takes over");
        assertEquals(List.of(etc.resolve(FACTORY + "-default.cfg")), files());

        service.write(BOSS, FACTORY, "north", Map.of("weight", "20"), true);
        UnitConfiguration again = service.switchTo(BOSS, FACTORY, "north", false);
        assertEquals(new UnitConfiguration(FACTORY, "north", false, again.pid(), Map.of("weight", "20.0")), again);
        assertTrue(again.pid().startsWith(FACTORY + "~north-"), "a deleted PID is not reused: " + again.pid());
        assertEquals(new UnitConfiguration(FACTORY, "north", true, again.pid(), Map.of("weight", "20.0")),
                service.switchTo(BOSS, FACTORY, "north", true), "its own parameters keep it");
        assertEquals(Map.of("businessUnit", "north", "weight", "20.0"), load(etc.resolve(FACTORY + "-"
                + again.pid().substring(again.pid().indexOf('~') + 1) + ".cfg")));

        service.switchTo(ADMIN, FACTORY, "*", false);
        assertEquals(Map.of("businessUnit", "*", "weight", "50.0", "enabled", "false"),
                load(etc.resolve(FACTORY + "-default.cfg")));
    }

    @Test
    void unitsWhoseIdsLookAlikeGetFilesOfTheirOwn() throws IOException {
        Units units = new Units("a/b", "a_b");
        UnitConfigurationService s = new UnitConfigurationService(database, units, admin, pid -> RATING,
                new ConfigurationFiles(admin, etc), plugin);
        UnitConfiguration first = s.write(ADMIN, FACTORY, "a_b", Map.of("count", "1"), true);
        UnitConfiguration second = s.write(ADMIN, FACTORY, "a/b", Map.of("count", "2"), true);
        assertNotEquals(first.pid(), second.pid());
        assertEquals(2, files().size());
        assertEquals(Optional.of(first), s.read(ADMIN, FACTORY, "a_b"));
        assertEquals(Optional.of(second), s.read(ADMIN, FACTORY, "a/b"));
        InMemoryConfigurationAdmin restarted = fileInstallReads(etc);
        UnitConfigurationService afterRestart = new UnitConfigurationService(database, units, restarted, pid -> RATING,
                new ConfigurationFiles(restarted, etc), plugin);
        assertEquals(Optional.of(second), afterRestart.read(ADMIN, FACTORY, "a/b"));
        assertEquals(Optional.of(first), afterRestart.read(ADMIN, FACTORY, "a_b"));
    }

    @Test
    void aConfigurationFromBeforeWithoutAFileGetsOne() throws IOException {
        Configuration old = admin.createFactoryConfiguration(FACTORY, "?");
        Hashtable<String, Object> properties = new Hashtable<>(Map.of("businessUnit", "north", "weight", 5.0));
        old.update(properties);
        UnitConfiguration written = service.write(BOSS, FACTORY, "north", Map.of("weight", "6"), true);
        assertEquals(old.getPid(), written.pid(), "the unit's configuration is replaced, not doubled");
        assertEquals(1, admin.all().size());
        List<Path> files = files();
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().startsWith(FACTORY + "-"), files.toString());
        assertEquals("6.0", load(files.get(0)).get("weight"));
    }

    @Test
    void withoutAnEtcFolderConfigurationAdminAloneKeepsThem() throws IOException {
        UnitConfigurationService memoryOnly = new UnitConfigurationService(database, new Units(), admin, pid -> RATING,
                new ConfigurationFiles(admin, null), plugin);
        memoryOnly.write(ADMIN, FACTORY, "north", Map.of("count", "1"), true);
        assertEquals(Optional.of("1"), memoryOnly.read(ADMIN, FACTORY, "north").map(c -> c.parameters().get("count")));
        assertEquals(List.of(), files());
        memoryOnly.delete(ADMIN, FACTORY, "north");
        assertEquals(Map.of(), admin.all());
    }

    @Test
    void aFactoryPidWithAHyphenCannotBeKeptInEtc() throws IOException {
        assertThrows(IllegalStateException.class, () -> service.write(ADMIN, "org.acme.x-rating", "north", Map.of(),
                true));
        assertEquals(Map.of(), admin.all());
    }

    /** What FileInstall does at a start with a clean framework storage: each file becomes the configuration it names. */
    @Test
    void valuesThePluginRefusesAreNamedAndWhatWasThereStaysStoredKeptAndRecorded() throws IOException {
        UnitConfiguration kept = service.write(BOSS, FACTORY, "north", Map.of("weight", "70", "count", "3"), true);
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.write(BOSS, FACTORY, "north", Map.of("weight", "70", "count", "80"), true));
        assertEquals(List.of(new Violation("parameters", "were refused by the plugin: the count must not exceed the "
                + "weight")), e.violations());
        assertEquals(Optional.of(kept), service.read(BOSS, FACTORY, "north"));
        assertEquals("3", load(etc.resolve(FACTORY + "-north.cfg")).get("count"), "the file is restored too");
        assertEquals(Optional.of(kept), fileInstallRestarted().read(BOSS, FACTORY, "north"));
        assertEquals(List.of("70.0/80", "70.0/3"), plugin.taken.subList(1, 3), "refused, then the old values again");

        assertThrows(ValidationException.class, () -> service.write(ADMIN, FACTORY, UnitEnablement.EVERY_UNIT,
                Map.of("weight", "1", "count", "2"), true));
        assertEquals(Optional.empty(), service.read(ADMIN, FACTORY, UnitEnablement.EVERY_UNIT), "a new one is gone");
        assertEquals(List.of(etc.resolve(FACTORY + "-north.cfg")), files());
        assertEquals(1, plugin.gone, "and the answer waited until the plugin let it go");
        assertEquals(1, trail().size(), "only the change taken is in the trail: " + trail());
    }

    @Test
    void anUnchangedWriteChangesAndRecordsNothing() throws IOException {
        service.write(BOSS, FACTORY, "north", Map.of("weight", "70"), true);
        UnitConfiguration again = service.write(BOSS, FACTORY, "north", Map.of("weight", "70"), true);
        assertEquals(Map.of("weight", "70.0"), again.parameters());
        assertEquals(1, plugin.taken.size(), "written once: " + plugin.taken);
        assertEquals(1, trail().size(), trail().toString());
    }

    /** A plugin that refuses a count above the weight, a rule its metatype cannot express. */
    private static final class Plugin implements ConfigurationUptake {

        final List<String> taken = new java.util.ArrayList<>();
        int gone;

        @Override
        public Watch watch(String factoryPid, String pid) {
            return new Watch() {
                @Override
                public Optional<String> taken(Map<String, ?> properties) {
                    Object w = properties.get("weight");
                    Object c = properties.get("count");
                    double weight = w == null ? 100 : Double.parseDouble(w.toString());
                    int count = c == null ? 0 : Integer.parseInt(c.toString());
                    taken.add(properties.get("weight") + "/" + properties.get("count"));
                    return count > weight ? Optional.of("the count must not exceed the weight") : Optional.empty();
                }

                @Override
                public void gone() {
                    Plugin.this.gone++;
                }
            };
        }
    }

    private static InMemoryConfigurationAdmin fileInstallReads(Path folder) throws IOException {
        InMemoryConfigurationAdmin fresh = new InMemoryConfigurationAdmin();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                String base = f.getFileName().toString().replaceFirst("\\.cfg$", "");
                int n = base.indexOf('-'); // FileInstall splits at the first hyphen
                Configuration c = n > 0 ? fresh.getFactoryConfiguration(base.substring(0, n), base.substring(n + 1), "?")
                        : fresh.getConfiguration(base, "?");
                Hashtable<String, Object> properties = new Hashtable<>(load(f));
                properties.put(ConfigurationFiles.FILEINSTALL_FILE, f.toFile().getAbsoluteFile().toURI().toString());
                c.update(properties);
            }
        }
        return fresh;
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(etc)) {
            return files.sorted().toList();
        }
    }

    /** Units north and south (or the ones given); a caller sees those it holds a role in, an administrator all. */
    private static final class Units implements BusinessUnits {

        private final Set<String> ids;

        Units(String... ids) {
            this.ids = ids.length == 0 ? Set.of("north", "south") : Set.of(ids);
        }

        @Override
        public List<BusinessUnit> list(Caller caller) {
            return ids.stream().filter(caller::canRead).map(Units::unit).toList();
        }

        @Override
        public BusinessUnit get(Caller caller, String id) {
            if (!ids.contains(id) || !caller.canRead(id)) {
                throw new NotFoundException("business unit", id);
            }
            return unit(id);
        }

        private static BusinessUnit unit(String id) {
            return new BusinessUnit(id, id, null, 1, Instant.EPOCH, Instant.EPOCH);
        }

        @Override
        public BusinessUnit create(Caller caller, BusinessUnitDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BusinessUnit update(Caller caller, String id, long expectedVersion, BusinessUnitDraft draft) {
            throw new UnsupportedOperationException();
        }
    }
}
