package org.openkam.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.openkam.api.account.Attitude;
import org.openkam.api.account.BuyingCenterRole;
import org.openkam.api.account.Contact;
import org.openkam.api.account.ContactDraft;
import org.openkam.api.account.Contacts;
import org.openkam.http.api.Body;
import org.openkam.http.api.Exchange;
import org.openkam.http.api.ApiRoutes;
import org.openkam.http.api.Operation;
import org.openkam.http.api.RouteTable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /accounts/{id}/contacts}: the people at the customer. */
@Component
public final class ContactsResource implements ApiRoutes {

    private static final Set<String> WRITABLE = Set.of("firstName", "lastName", "jobTitle", "email", "phone", "roles",
            "attitude", "influence", "reportsTo", "relationshipOwner", "relationshipStrength");
    private static final Set<String> READ_ONLY = Set.of("id", "accountId", "version", "createdAt", "updatedAt");
    private final Contacts contacts;

    @Activate
    public ContactsResource(@Reference Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public InputStream openApi() throws IOException {
        return OpenApiFragment.open("contacts");
    }

    @Override
    public void define(RouteTable router) {
        Operation change = Operation.of().jsonBody().ifMatch();
        router.add("GET", "/accounts/{id}/contacts", ex -> contacts.list(ex.caller(), ex.path("id")))
                .add("POST", "/accounts/{id}/contacts", Operation.of().jsonBody(), this::create)
                .add("GET", "/accounts/{id}/contacts/{contactId}", this::get)
                .add("PUT", "/accounts/{id}/contacts/{contactId}", change, ex -> update(ex, false))
                .add("PATCH", "/accounts/{id}/contacts/{contactId}", change, ex -> update(ex, true))
                .add("DELETE", "/accounts/{id}/contacts/{contactId}", Operation.of().ifMatch(), this::delete);
    }

    private Object create(Exchange ex) throws IOException {
        Contact c = contacts.create(ex.caller(), ex.path("id"), draft(ex.body(), null));
        ex.status(201);
        ex.response().setHeader("Location", ex.request().getContextPath() + "/api/v1/accounts/" + c.accountId()
                + "/contacts/" + c.id());
        ex.etag(c.version());
        return c;
    }

    private Object get(Exchange ex) {
        Contact c = contacts.get(ex.caller(), ex.path("id"), ex.path("contactId"));
        ex.etag(c.version());
        return c;
    }

    private Object update(Exchange ex, boolean patch) throws IOException {
        Body body = ex.body();
        long version = ex.expectedVersion(body);
        ContactDraft base = patch ? contacts.get(ex.caller(), ex.path("id"), ex.path("contactId")).toDraft() : null;
        Contact c = contacts.update(ex.caller(), ex.path("id"), ex.path("contactId"), version, draft(body, base));
        ex.etag(c.version());
        return c;
    }

    private Object delete(Exchange ex) {
        contacts.delete(ex.caller(), ex.path("id"), ex.path("contactId"), ex.expectedVersion(null));
        ex.status(204);
        return null;
    }

    private static ContactDraft draft(Body body, ContactDraft base) {
        ContactDraft b = base == null
                ? new ContactDraft(null, null, null, null, null, Set.of(), null, null, null, null, null) : base;
        body.allow(WRITABLE, READ_ONLY);
        ContactDraft d = new ContactDraft(body.text("firstName", b.firstName()), body.text("lastName", b.lastName()),
                body.text("jobTitle", b.jobTitle()), body.text("email", b.email()), body.text("phone", b.phone()),
                body.choiceSet("roles", BuyingCenterRole.class, b.roles()),
                body.choice("attitude", Attitude.class, b.attitude()), body.integer("influence", b.influence()),
                body.text("reportsTo", b.reportsTo()), body.text("relationshipOwner", b.relationshipOwner()),
                body.integer("relationshipStrength", b.relationshipStrength()));
        body.throwIfAny(d.normalized().validate());
        return d;
    }
}
