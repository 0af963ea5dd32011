package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.organization.User;
import org.openkam.api.organization.UserDraft;
import org.openkam.api.organization.Users;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /business-units} and {@code /users}: the organization callers work in. */
@Component
public final class OrganizationResource implements ApiRoutes {

    private static final Set<String> UNIT_FIELDS = Set.of("id", "name", "description");
    private static final Set<String> UNIT_READ_ONLY = Set.of("version", "createdAt", "updatedAt");
    private static final Set<String> USER_FIELDS = Set.of("username", "displayName", "email", "admin", "enabled",
            "grants", "password");
    private static final Set<String> USER_READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt");
    private final BusinessUnits units;
    private final Users users;

    @Activate
    public OrganizationResource(@Reference BusinessUnits units, @Reference Users users) {
        this.units = units;
        this.users = users;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("organization");
    }

    @Override
    public void define(RouteTable router) {
        router.add("GET", "/business-units", ex -> units.list(ex.caller()))
                .add("POST", "/business-units", Operation.of().jsonBody(), this::createUnit)
                .add("GET", "/business-units/{id}", ex -> tagged(ex, units.get(ex.caller(), ex.path("id"))))
                .add("PUT", "/business-units/{id}", Operation.of().jsonBody().ifMatch(), this::updateUnit)
                .add("GET", "/users", ex -> users.list(ex.caller()))
                .add("POST", "/users", Operation.of().jsonBody(), this::createUser)
                .add("GET", "/users/me", ex -> tagged(ex, users.get(ex.caller(), ex.caller().userId())))
                .add("GET", "/users/{id}", ex -> tagged(ex, users.get(ex.caller(), ex.path("id"))))
                .add("PUT", "/users/{id}", Operation.of().jsonBody().ifMatch(), ex -> updateUser(ex, false))
                .add("PATCH", "/users/{id}", Operation.of().jsonBody().ifMatch(), ex -> updateUser(ex, true));
    }

    private Object createUnit(Exchange ex) throws IOException {
        Body body = ex.body().allow(UNIT_FIELDS, UNIT_READ_ONLY);
        BusinessUnitDraft d = new BusinessUnitDraft(body.text("id", null), body.text("name", null),
                body.text("description", null));
        body.throwIfAny(d.validate());
        BusinessUnit unit = units.create(ex.caller(), d);
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/business-units/" + unit.id());
        return tagged(ex, unit);
    }

    private Object updateUnit(Exchange ex) throws IOException {
        Body body = ex.body().allow(UNIT_FIELDS, UNIT_READ_ONLY);
        long version = ex.expectedVersion(body);
        BusinessUnitDraft d = new BusinessUnitDraft(ex.path("id"), body.text("name", null),
                body.text("description", null));
        body.throwIfAny(d.validate());
        return tagged(ex, units.update(ex.caller(), ex.path("id"), version, d));
    }

    private Object createUser(Exchange ex) throws IOException {
        User user = users.create(ex.caller(), userDraft(ex.body(), null));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/users/" + user.id());
        return tagged(ex, user);
    }

    private Object updateUser(Exchange ex, boolean patch) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        User base = patch ? users.get(ex.caller(), ex.path("id")) : null;
        return tagged(ex, users.update(ex.caller(), ex.path("id"), version, userDraft(body, base)));
    }

    private static UserDraft userDraft(Body body, User base) {
        body.allow(USER_FIELDS, USER_READ_ONLY);
        UserDraft d = new UserDraft(body.text("username", base == null ? null : base.username()),
                body.text("displayName", base == null ? null : base.displayName()),
                body.text("email", base == null ? null : base.email()),
                Boolean.TRUE.equals(body.bool("admin", base != null && base.admin())),
                Boolean.TRUE.equals(body.bool("enabled", base == null || base.enabled())),
                body.grants("grants", base == null ? java.util.Map.of() : base.grants()),
                body.text("password", null));
        body.throwIfAny(d.validate(false));
        return d;
    }

    private static BusinessUnit tagged(Exchange ex, BusinessUnit unit) {
        ex.etag(unit.version());
        return unit;
    }

    private static User tagged(Exchange ex, User user) {
        ex.etag(user.version());
        return user;
    }
}
