package org.openkam.console.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever started OpenKAM where the console is and how to sign in: once the web server runs, its address
 * (from the HTTP runtime's endpoint) goes to the log at start-up, with where the first administrator's password is.
 */
@Component(immediate = true, service = {})
public final class ConsoleAddress {

    static final String PASSWORD_FILE = "initial-admin-password";
    /** The Felix HTTP service's framework property for the interface it listens on (all when unset). */
    static final String HOST = "org.apache.felix.http.host";
    /** scheme://host[:port][/path], the host possibly an IPv6 literal with a zone ({@code [fd00::2%eth0]}). */
    private static final Pattern ENDPOINT = Pattern.compile("([a-z]+)://(\\[[^\\]]*\\]|[^/:]*)(?::(\\d+))?(/.*)?");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAddress.class);

    @Activate
    public ConsoleAddress(@Reference(service = HttpServiceRuntime.class) Map<String, Object> runtime,
            BundleContext context) {
        String data = context.getProperty("openkam.data");
        Path passwordFile = Path.of(data == null || data.isBlank() ? "data" : data).resolve(PASSWORD_FILE);
        LOG.info(message(endpoints(runtime.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)),
                context.getProperty(HOST), Files.isReadable(passwordFile) ? passwordFile : null));
    }

    /**
     * The sentence logged: the console's address and how to sign in. The endpoints' port and path count; their host
     * is one of the machine's interfaces when the server listens on all of them, so the configured host, else
     * localhost, is named.
     */
    static String message(List<String> endpoints, String host, Path passwordFile) {
        String address = endpoints.isEmpty() ? "/console/ on this server's HTTP port"
                : consoleUri(endpoints.get(0), host);
        String signIn = passwordFile != null
                ? "sign in as 'admin' with the password in " + passwordFile + " and change it"
                : "sign in with your user name and password (the first administrator is 'admin', with the password"
                        + " from OPENKAM_ADMIN_PASSWORD or the initial-admin-password file of the first start)";
        return "OpenKAM console: " + address + " - " + signIn;
    }

    /** The console under an endpoint, at the configured host; one listening on every interface at localhost. */
    static String consoleUri(String endpoint, String host) {
        Matcher m = ENDPOINT.matcher(endpoint);
        String name = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.strip();
        if (!m.matches()) {
            return "http://" + name + "/console/";
        }
        String path = m.group(4) == null || m.group(4).isEmpty() ? "/" : m.group(4);
        return m.group(1) + "://" + name + (m.group(3) == null ? "" : ":" + m.group(3))
                + (path.endsWith("/") ? path : path + "/") + "console/";
    }

    private static List<String> endpoints(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String[] array) {
            out.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }
}
