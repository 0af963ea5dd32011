package org.openkam.http.api;

import java.util.Objects;

/**
 * What a route declares about itself beyond its method and path, so the kit can describe it in
 * {@code /api/v1/openapi.json}: whether it reads a JSON body, whether it needs {@code If-Match}, whether only some
 * signed-in callers may use it, and optionally its operationId, summary and tag. Immutable: every method returns a
 * new declaration, e.g. {@code Operation.of().jsonBody("AccountInput").ifMatch()}.
 *
 * <p>From this the kit generates the operation's path parameters, its standard problem answers and its security;
 * the route service's OpenAPI fragment adds what the kit cannot know (descriptions, schemas, query parameters,
 * examples) and wins wherever it says something.
 */
public final class Operation {

    private static final Operation NONE = new Operation(false, null, false, false, null, null, null);

    private final boolean jsonBody;
    private final String bodySchema;
    private final boolean ifMatch;
    private final boolean restricted;
    private final String id;
    private final String summary;
    private final String tag;

    private Operation(boolean jsonBody, String bodySchema, boolean ifMatch, boolean restricted, String id,
            String summary, String tag) {
        this.jsonBody = jsonBody;
        this.bodySchema = bodySchema;
        this.ifMatch = ifMatch;
        this.restricted = restricted;
        this.id = id;
        this.summary = summary;
        this.tag = tag;
    }

    /** A route that declares nothing beyond its method and path. */
    public static Operation of() {
        return NONE;
    }

    /** Reads a JSON object body ({@link Exchange#body()}): a 400 for a bad one, a 415 for another media type. */
    public Operation jsonBody() {
        return new Operation(true, bodySchema, ifMatch, restricted, id, summary, tag);
    }

    /**
     * Reads a JSON object body of a schema the description declares.
     *
     * @param schema the name of a schema in the document's {@code components/schemas}, e.g. {@code AccountInput}
     */
    public Operation jsonBody(String schema) {
        return new Operation(true, Objects.requireNonNull(schema, "schema"), ifMatch, restricted, id, summary, tag);
    }

    /**
     * Changes a versioned record ({@link Exchange#expectedVersion}): a 428 without the version read, a 412 when it
     * changed meanwhile.
     */
    public Operation ifMatch() {
        return new Operation(jsonBody, bodySchema, true, restricted, id, summary, tag);
    }

    /**
     * Only some signed-in callers may use it (a role, an administrator): a 403 for the others. Changes answer 403
     * anyway, to a session request without its CSRF token, so this matters for reads.
     */
    public Operation restricted() {
        return new Operation(jsonBody, bodySchema, ifMatch, true, id, summary, tag);
    }

    /** The operationId, unique in the document; without one the kit derives it from the method and path. */
    public Operation id(String operationId) {
        return new Operation(jsonBody, bodySchema, ifMatch, restricted, Objects.requireNonNull(operationId), summary,
                tag);
    }

    /** A one-line summary. */
    public Operation summary(String text) {
        return new Operation(jsonBody, bodySchema, ifMatch, restricted, id, Objects.requireNonNull(text), tag);
    }

    /** The tag (group) the operation is listed under. */
    public Operation tag(String name) {
        return new Operation(jsonBody, bodySchema, ifMatch, restricted, id, summary, Objects.requireNonNull(name));
    }

    public boolean readsJsonBody() {
        return jsonBody;
    }

    /** The declared body schema's name, or {@code null}. */
    public String bodySchema() {
        return bodySchema;
    }

    public boolean needsIfMatch() {
        return ifMatch;
    }

    public boolean isRestricted() {
        return restricted;
    }

    /** The declared operationId, or {@code null}. */
    public String id() {
        return id;
    }

    /** The declared summary, or {@code null}. */
    public String summary() {
        return summary;
    }

    /** The declared tag, or {@code null}. */
    public String tag() {
        return tag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation other && jsonBody == other.jsonBody && ifMatch == other.ifMatch
                && restricted == other.restricted && Objects.equals(bodySchema, other.bodySchema)
                && Objects.equals(id, other.id) && Objects.equals(summary, other.summary)
                && Objects.equals(tag, other.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jsonBody, bodySchema, ifMatch, restricted, id, summary, tag);
    }

    @Override
    public String toString() {
        return "Operation[" + (jsonBody ? "jsonBody" + (bodySchema == null ? "" : "(" + bodySchema + ")") + " " : "")
                + (ifMatch ? "ifMatch " : "") + (restricted ? "restricted " : "")
                + (id == null ? "" : "id=" + id + " ") + (summary == null ? "" : "summary=" + summary + " ")
                + (tag == null ? "" : "tag=" + tag) + "]";
    }
}
