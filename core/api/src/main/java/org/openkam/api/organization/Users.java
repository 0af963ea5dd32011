package org.openkam.api.organization;

import java.util.List;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The users and their role grants. A caller sees the users who share a business unit with them; unit
 * administrators manage grants in their units; only global administrators grant {@code admin}.
 */
@ProviderType
public interface Users {

    List<User> list(Caller caller);

    User get(Caller caller, String id);

    User create(Caller caller, UserDraft draft);

    User update(Caller caller, String id, long expectedVersion, UserDraft draft);
}
