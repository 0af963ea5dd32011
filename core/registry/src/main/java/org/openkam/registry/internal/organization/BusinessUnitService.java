package org.openkam.registry.internal.organization;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openkam.api.AccessDeniedException;
import org.openkam.api.Caller;
import org.openkam.api.ConflictException;
import org.openkam.api.NotFoundException;
import org.openkam.api.StaleVersionException;
import org.openkam.api.organization.BusinessUnit;
import org.openkam.api.organization.BusinessUnitDraft;
import org.openkam.api.organization.BusinessUnits;
import org.openkam.api.persistence.Database;
import org.openkam.api.persistence.Rows;
import org.openkam.api.persistence.Tx;
import org.openkam.registry.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Business units over the {@code business_unit} table. */
@Component(service = BusinessUnits.class)
public final class BusinessUnitService implements BusinessUnits {

    private static final String KIND = "business unit";
    private final Transactions transactions;

    @Activate
    public BusinessUnitService(@Reference Database database) {
        this.transactions = new Transactions(database.dataSource(), null);
    }

    @Override
    public List<BusinessUnit> list(Caller caller) {
        return transactions.read(tx -> {
            List<BusinessUnit> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM business_unit ORDER BY name, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BusinessUnit unit = map(rs);
                    if (caller.canRead(unit.id())) {
                        out.add(unit);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public BusinessUnit get(Caller caller, String id) {
        BusinessUnit unit = transactions.read(tx -> load(tx, id));
        if (unit == null || !caller.canRead(id)) {
            throw new NotFoundException(KIND, id);
        }
        return unit;
    }

    @Override
    public BusinessUnit create(Caller caller, BusinessUnitDraft draft) {
        if (!caller.admin()) {
            throw new AccessDeniedException("only administrators create business units");
        }
        BusinessUnitDraft d = clean(draft);
        d.validate().throwIfAny();
        return transactions.write(tx -> {
            if (load(tx, d.id()) != null) {
                throw new ConflictException("id", "business unit " + d.id() + " already exists");
            }
            Instant now = Rows.now();
            BusinessUnit unit = new BusinessUnit(d.id(), d.name(), d.description(), 1, now, now);
            try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO business_unit (name, "
                    + "description, version, created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?)")) {
                bind(ps, unit);
                ps.executeUpdate();
            }
            return unit;
        });
    }

    @Override
    public BusinessUnit update(Caller caller, String id, long expectedVersion, BusinessUnitDraft draft) {
        BusinessUnitDraft d = clean(new BusinessUnitDraft(id, draft.name(), draft.description()));
        return transactions.write(tx -> {
            BusinessUnit before = load(tx, id);
            if (before == null || !caller.canRead(id)) {
                throw new NotFoundException(KIND, id);
            }
            if (!caller.canManage(id)) {
                throw new AccessDeniedException("changing business unit " + id + " needs the bu-admin role");
            }
            if (before.version() != expectedVersion) {
                throw new StaleVersionException(KIND, id, expectedVersion, before.version());
            }
            d.validate().throwIfAny();
            BusinessUnit after = new BusinessUnit(id, d.name(), d.description(), before.version() + 1,
                    before.createdAt(), Rows.now());
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE business_unit SET name = ?, "
                    + "description = ?, version = ?, created_at = ?, updated_at = ? WHERE id = ?")) {
                bind(ps, after);
                ps.executeUpdate();
            }
            return after;
        });
    }

    private static BusinessUnitDraft clean(BusinessUnitDraft d) {
        return new BusinessUnitDraft(d.id() == null ? null : d.id().strip(), d.name() == null ? null : d.name().strip(),
                d.description() == null || d.description().isBlank() ? null : d.description().strip());
    }

    private static BusinessUnit load(Tx tx, String id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT * FROM business_unit WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    private static void bind(PreparedStatement ps, BusinessUnit u) throws SQLException {
        ps.setString(1, u.name());
        ps.setString(2, u.description());
        ps.setLong(3, u.version());
        Rows.setInstant(ps, 4, u.createdAt());
        Rows.setInstant(ps, 5, u.updatedAt());
        ps.setString(6, u.id());
    }

    private static BusinessUnit map(ResultSet rs) throws SQLException {
        return new BusinessUnit(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
