package org.openkam.console.internal.shell;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAddress.class);

    @Activate
    public ConsoleAddress(@Reference(service = HttpServiceRuntime.class) Map<String, Object> runtime,
            BundleContext context) {
        String data = context.getProperty("openkam.data");
        Path passwordFile = Path.of(data == null || data.isBlank() ? "data" : data).resolve(PASSWORD_FILE);
        LOG.info(message(endpoints(runtime.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)),
                Files.isReadable(passwordFile) ? passwordFile : null));
    }

    /** The sentence logged: the console's address and how to sign in. */
    static String message(List<String> endpoints, Path passwordFile) {
        String address = endpoints.isEmpty() ? "/console/ on this server's HTTP port"
                : consoleUri(endpoints.get(0));
        String signIn = passwordFile != null
                ? "sign in as 'admin' with the password in " + passwordFile + " and change it"
                : "sign in with your user name and password (the first administrator is 'admin', with the password"
                        + " from OPENKAM_ADMIN_PASSWORD or the initial-admin-password file of the first start)";
        return "OpenKAM console: " + address + " - " + signIn;
    }

    /** The console under an endpoint; a server that listens on every interface is reached at localhost. */
    static String consoleUri(String endpoint) {
        URI uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        String host = uri.getHost() == null || uri.getHost().equals("0.0.0.0") || uri.getHost().equals("[::]")
                || uri.getHost().equals("::") ? "localhost" : uri.getHost();
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                + "console/";
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
