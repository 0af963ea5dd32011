package org.openkam.scoring.internal.http;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Serves {@code GET /api/v1/accounts/{id}/scores} beside the core API's account resources, which the core
 * servlet owns: the request is forwarded to the scoring servlet's {@code /api/v1/scoring/accounts/{id}/scores};
 * everything else under {@code /accounts} passes untouched. It leaves with the scoring bundle.
 */
@Component(service = Filter.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=openkam)")
@HttpWhiteboardFilterName("openkam-scoring-account-scores")
@HttpWhiteboardFilterPattern("/api/v1/accounts/*")
public final class AccountScoresFilter implements Filter {

    private static final Pattern SCORES = Pattern.compile("/api/v1/accounts/([^/]+)/scores/?");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        Matcher m = SCORES.matcher(path);
        if ("GET".equals(http.getMethod()) && m.matches()) {
            request.getRequestDispatcher(ScoringServlet.API + ScoringServlet.PREFIX + "/accounts/" + m.group(1)
                    + "/scores").forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
