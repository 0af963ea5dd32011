package org.openkam.console.internal.rest;

import java.io.IOException;

import org.openkam.console.internal.http.ApiServlet;
import org.openkam.console.internal.http.Exchange;
import org.openkam.console.internal.http.Router;
import org.openkam.console.internal.openapi.ApiDocument;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /openapi.json}: the API description, the core document merged with every plugin's contribution. Its
 * ETag changes with the document, so clients revalidate cheaply ({@code no-cache}, then 304).
 */
final class OpenApiResource {

    private final ApiDocument document;

    OpenApiResource(ApiDocument document) {
        this.document = document;
    }

    void register(Router router) {
        router.add("GET", "/openapi.json", this::serve);
    }

    private Object serve(Exchange ex) throws IOException {
        ApiDocument.Served served = document.current();
        HttpServletResponse response = ex.response();
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", served.etag());
        if (ApiServlet.notModified(ex.request(), response)) {
            response.setStatus(304);
            return null;
        }
        response.setContentType("application/json");
        response.setContentLength(served.json().length);
        response.getOutputStream().write(served.json());
        return null;
    }
}
