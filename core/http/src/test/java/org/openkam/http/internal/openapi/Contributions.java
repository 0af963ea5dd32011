package org.openkam.http.internal.openapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.openkam.api.web.OpenApiContribution;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Fragments for the merge tests: a small plugin's description, varied. */
final class Contributions {

    private Contributions() {
    }

    /** The base document as this bundle ships it, with two core paths as the core REST bundle adds them. */
    static JsonObject core() {
        JsonObject base = JsonParser.parseString(new String(ApiDocument.coreDocument(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        base.add("paths", JsonParser.parseString("""
                {
                  "/accounts": {"get": {"operationId": "listAccounts", "responses": {"200": {"description": "ok"}}}},
                  "/accounts/{id}": {
                    "parameters": [{"$ref": "#/components/parameters/AccountId"}],
                    "get": {"operationId": "getAccount", "responses": {"200": {"description": "ok"}}}
                  }
                }
                """));
        return base;
    }

    /** {@link #core()} as bytes. */
    static byte[] coreBytes() {
        return core().toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A plugin serving {@code GET /<segment>/widgets/{id}} with a schema of its own, a core parameter and core
     * error answers, tagged with a tag of its own and the core tag {@code Jobs}.
     */
    static String widgets(String segment, String prefix) {
        return """
                {
                  "openapi": "3.1.0",
                  "info": {"title": "ignored", "version": "1"},
                  "tags": [{"name": "%2$s", "description": "Widgets."}, {"name": "Jobs", "description": "ignored"}],
                  "paths": {
                    "/%1$s/widgets/{id}": {
                      "parameters": [{"$ref": "#/components/parameters/%2$sWidgetId"}],
                      "get": {
                        "operationId": "get%2$sWidget",
                        "tags": ["%2$s"],
                        "responses": {
                          "200": {"description": "The widget.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/%2$sWidget"}}}},
                          "401": {"$ref": "#/components/responses/Unauthorized"},
                          "404": {"$ref": "#/components/responses/NotFound"}
                        }
                      },
                      "delete": {
                        "operationId": "delete%2$sWidget",
                        "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                        "responses": {"204": {"description": "Deleted."}}
                      }
                    }
                  },
                  "components": {
                    "schemas": {
                      "%2$sWidget": {"type": "object", "properties": {
                        "id": {"type": "string"},
                        "problem": {"$ref": "#/components/schemas/Problem"}}}
                    },
                    "parameters": {
                      "%2$sWidgetId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}
                    }
                  }
                }
                """.formatted(segment, prefix);
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** A contribution answering with the text, counting how often it is read. */
    static final class Text implements OpenApiContribution {
        private final byte[] bytes;
        final AtomicInteger reads = new AtomicInteger();

        Text(String text) {
            this(text.getBytes(StandardCharsets.UTF_8));
        }

        Text(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public ByteArrayInputStream fragment() {
            reads.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        }
    }
}
