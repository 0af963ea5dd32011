package org.openkam.api.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** An open transaction of {@link Database#write}: its connection, and what happens when it commits. */
@ProviderType
public interface Tx {

    /** The transaction's connection; do not commit, roll back or close it, the {@link Database} does. */
    Connection connection();

    /**
     * Queues an event for EventAdmin; it is posted after the transaction commits, and dropped if it rolls
     * back.
     *
     * @throws IllegalStateException in a {@link Database#read}
     */
    void post(String topic, Map<String, ?> properties);

    /**
     * Records a change of one entity in the registry's audit trail, in this transaction and as made by its
     * caller. {@code before} is {@code null} for a creation, {@code after} for a deletion; otherwise the
     * fields whose text differs are recorded, and an update that changes nothing is not recorded at all.
     *
     * @param entityType what changed, e.g. {@code retail-promotion}
     * @param accountId the account the entity belongs to, or {@code null}; its history shows the entry
     * @param businessUnit the unit the entity belongs to, or {@code null}
     * @throws IllegalStateException in a {@link Database#read} or a write without a caller
     */
    void audit(String entityType, String entityId, String accountId, String businessUnit, Map<String, String> before,
            Map<String, String> after) throws SQLException;
}
