/**
 * Contracts of the HTTP API beside the services: a plugin that serves endpoints under {@code /api/v1}
 * describes them with an {@link org.openkam.api.web.OpenApiContribution}, and the console serves every
 * description merged into {@code /api/v1/openapi.json}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.openkam.api.web;
