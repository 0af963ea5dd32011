package org.openkam.http.internal.openapi;

import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.RouteTable;
import org.openkam.http.internal.Revalidation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /openapi.json}: the API description, the base document merged with every route service's fragment.
 * Its ETag changes with the document, so clients revalidate cheaply ({@code no-cache}, then 304).
 */
@Component
public final class OpenApiRoutes implements ApiRoutes {

    private final ApiDocument document;

    @Activate
    public OpenApiRoutes(@Reference ApiDocument document) {
        this.document = document;
    }

    @Override
    public void define(RouteTable routes) {
        routes.get("/openapi.json", ex -> {
            ApiDocument.Served served = document.current();
            HttpServletResponse response = ex.response();
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("ETag", served.etag());
            if (Revalidation.notModified(ex.request(), response)) {
                response.setStatus(304);
                return null;
            }
            response.setContentType("application/json");
            response.setContentLength(served.json().length);
            response.getOutputStream().write(served.json());
            return null;
        });
    }
}
