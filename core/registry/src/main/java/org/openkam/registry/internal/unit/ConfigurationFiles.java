package org.openkam.registry.internal.unit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Writes configurations through ConfigurationAdmin and keeps each as a file in the FileInstall {@code etc/} folder,
 * because the framework's own configuration storage is rebuilt at every start and only {@code etc/} survives.
 *
 * <p>The file is what FileInstall itself would read: {@code <factoryPid>-<name>.cfg} (FileInstall splits the name
 * at its first hyphen and creates the named factory configuration {@code <factoryPid>~<name>}, so the PID is the
 * same after a restart), in the properties syntax, ISO-8859-1 with {@code \}{@code u} escapes, values as texts.
 * Values are stored as texts in ConfigurationAdmin too, so that FileInstall finds the file and the configuration
 * equal and leaves both alone. The configuration carries {@value #FILEINSTALL_FILE} (the file's URI, as FileInstall
 * keys it) and is updated before the file is (atomically) written: FileInstall, seeing the file, then finds this
 * configuration instead of creating a second one.
 */
final class ConfigurationFiles {

    /** The property by which FileInstall ties a configuration to its file. */
    static final String FILEINSTALL_FILE = "felix.fileinstall.filename";
    private final ConfigurationAdmin admin;
    private final Path etc;
    /**
     * PIDs this instance deleted. FileInstall with its write-back on (not the product's setting) deletes a deleted
     * configuration's file when it learns of the deletion, asynchronously: a configuration created again under the
     * same PID (hence the same file) could lose its file to that, and then itself at FileInstall's next poll. So a
     * PID is never reused.
     */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    /** @param etc the FileInstall folder to keep files in; {@code null}: ConfigurationAdmin only */
    ConfigurationFiles(ConfigurationAdmin admin, Path etc) {
        this.admin = admin;
        this.etc = etc;
    }

    /**
     * The folder named {@code etc} among FileInstall's watched folders (the framework property {@code
     * felix.fileinstall.dir}, comma separated), or {@code null} if there is none.
     */
    static Path etcFolder(String fileInstallDirs) {
        if (fileInstallDirs == null) {
            return null;
        }
        for (String dir : fileInstallDirs.split(",")) {
            if (dir.isBlank()) {
                continue;
            }
            Path path = Path.of(dir.strip()).toAbsolutePath().normalize();
            if (path.getFileName() != null && path.getFileName().toString().equals("etc") && Files.isDirectory(path)) {
                return path;
            }
        }
        return null;
    }

    boolean keepsFiles() {
        return etc != null;
    }

    /**
     * A new factory configuration named after {@code name} (another name if that one is taken), not yet written:
     * {@link #update} gives it its properties and its file.
     */
    Configuration prepare(String factoryPid, String name) throws IOException {
        if (etc != null && factoryPid.indexOf('-') >= 0) {
            // FileInstall would read the file back as a configuration of the factory PID's first part
            throw new IllegalStateException("the factory PID " + factoryPid + " contains '-': FileInstall cannot keep "
                    + "its configurations in etc/");
        }
        String chosen = name;
        Configuration config = admin.getFactoryConfiguration(factoryPid, chosen, "?");
        while (config.getProperties() != null || deleted.contains(config.getPid())
                || etc != null && Files.exists(etc.resolve(fileName(factoryPid, chosen)))) {
            chosen = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            config = admin.getFactoryConfiguration(factoryPid, chosen, "?");
        }
        return config;
    }

    /** Replaces the configuration's properties; its file is rewritten, or created if it has none yet. */
    void update(Configuration config, Map<String, String> properties) throws IOException {
        Path file = file(config);
        if (file == null && etc != null) {
            String name = config.getPid().contains("~") ? config.getPid().substring(config.getPid().indexOf('~') + 1)
                    : UUID.randomUUID().toString();
            file = etc.resolve(fileName(config.getFactoryPid(), name));
        }
        write(config, properties, file);
    }

    /** Deletes the configuration and its file (else FileInstall would bring it back at the next start). */
    void delete(Configuration config) throws IOException {
        Path file = file(config);
        deleted.add(config.getPid());
        config.delete();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /** The file the configuration is kept in, or {@code null}. */
    static Path file(Configuration config) {
        Dictionary<String, Object> properties = config.getProperties();
        Object key = properties == null ? null : properties.get(FILEINSTALL_FILE);
        if (key == null) {
            return null;
        }
        try {
            String text = key.toString();
            return text.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void write(Configuration config, Map<String, String> properties, Path file) throws IOException {
        Hashtable<String, Object> stored = new Hashtable<>(properties);
        if (file != null) {
            stored.put(FILEINSTALL_FILE, file.toFile().getAbsoluteFile().toURI().toString()); // as FileInstall keys it
        }
        config.update(stored);
        if (file != null) {
            Path written = Files.createTempFile(file.getParent(), ".openkam-", ".tmp"); // FileInstall ignores .tmp
            try {
                Files.writeString(written, text(config.getFactoryPid() == null ? config.getPid() : config.getFactoryPid(),
                        properties), StandardCharsets.ISO_8859_1);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
        }
    }

    static String fileName(String factoryPid, String name) {
        return factoryPid + "-" + name + ".cfg";
    }

    /** The properties in the properties-file syntax, sorted, bookkeeping left out. */
    static String text(String pid, Map<String, String> properties) {
        StringBuilder out = new StringBuilder("# ").append(escape(pid, true)).append(
                ": written by OpenKAM and kept here so that it survives a restart.\n");
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            if (!e.getKey().equals(FILEINSTALL_FILE) && !e.getKey().equals(Constants.SERVICE_PID)
                    && !e.getKey().equals(ConfigurationAdmin.SERVICE_FACTORYPID)) {
                out.append(escape(e.getKey(), true)).append(" = ").append(escape(e.getValue(), false)).append('\n');
            }
        }
        return out.toString();
    }

    /** Escapes as {@link java.util.Properties#store} does: ISO-8859-1 safe, separators in keys, leading blanks. */
    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
