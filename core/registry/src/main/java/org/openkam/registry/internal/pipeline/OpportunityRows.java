package org.openkam.registry.internal.pipeline;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openkam.api.account.AccountDraft;
import org.openkam.api.persistence.Rows;
import org.openkam.api.pipeline.Competitor;
import org.openkam.api.pipeline.Opportunity;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.OurPosition;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/** The {@code opportunity} table's rows: binding, mapping and the fields the audit trail compares. */
final class OpportunityRows {

    static final String COLUMNS = "name, description, amount, currency, stage, probability, expected_close_date, "
            + "status, close_reason, closed_at, next_step, next_step_due, our_position, competitors, owner_id, version, "
            + "created_at, updated_at, account_id, id";
    static final String INSERT = "INSERT INTO opportunity (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE opportunity SET name = ?, description = ?, amount = ?, currency = ?, "
            + "stage = ?, probability = ?, expected_close_date = ?, status = ?, close_reason = ?, closed_at = ?, "
            + "next_step = ?, next_step_due = ?, our_position = ?, competitors = ?, owner_id = ?, version = ?, "
            + "created_at = ?, updated_at = ? WHERE account_id = ? AND id = ?";
    private static final Gson GSON = new Gson();
    private static final Type COMPETITORS = new TypeToken<List<Competitor>>() { }.getType();

    private OpportunityRows() {
    }

    static void bind(PreparedStatement ps, Opportunity o) throws SQLException {
        ps.setString(1, o.name());
        ps.setString(2, o.description());
        ps.setBigDecimal(3, o.value());
        ps.setString(4, o.currency());
        ps.setString(5, o.stage());
        ps.setInt(6, o.probability());
        setDate(ps, 7, o.expectedCloseDate());
        ps.setString(8, o.status().name());
        ps.setString(9, o.closeReason());
        Rows.setInstant(ps, 10, o.closedAt());
        ps.setString(11, o.nextStep());
        setDate(ps, 12, o.nextStepDue());
        ps.setString(13, o.ourPosition().name());
        ps.setString(14, GSON.toJson(o.competitors(), COMPETITORS));
        ps.setString(15, o.owner());
        ps.setLong(16, o.version());
        Rows.setInstant(ps, 17, o.createdAt());
        Rows.setInstant(ps, 18, o.updatedAt());
        ps.setString(19, o.accountId());
        ps.setString(20, o.id());
    }

    static Opportunity map(ResultSet rs) throws SQLException {
        List<Competitor> competitors = GSON.fromJson(rs.getString("competitors"), COMPETITORS);
        return new Opportunity(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                rs.getString("description"), AccountDraft.canonical(rs.getBigDecimal("amount")),
                rs.getString("currency"), rs.getString("stage"), rs.getInt("probability"), null,
                rs.getObject("expected_close_date", LocalDate.class), OpportunityStatus.valueOf(rs.getString("status")),
                rs.getString("close_reason"), Rows.instant(rs, "closed_at"), rs.getString("next_step"),
                rs.getObject("next_step_due", LocalDate.class), OurPosition.valueOf(rs.getString("our_position")),
                competitors, rs.getString("owner_id"), rs.getLong("version"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    /** The fields as the API names them, as text, for the audit trail. */
    static Map<String, String> auditFields(Opportunity o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("description", o.description());
        m.put("value", plain(o.value()));
        m.put("currency", o.currency());
        m.put("stage", o.stage());
        m.put("probability", Integer.toString(o.probability()));
        m.put("expectedCloseDate", text(o.expectedCloseDate()));
        m.put("status", wire(o.status()));
        m.put("closeReason", o.closeReason());
        m.put("nextStep", o.nextStep());
        m.put("nextStepDue", text(o.nextStepDue()));
        m.put("ourPosition", wire(o.ourPosition()));
        m.put("owner", o.owner());
        competitors(m, o.competitors());
        return m;
    }

    /** One field per competitor, keyed by name, so the trail shows which competitor came, went or changed. */
    private static void competitors(Map<String, String> m, List<Competitor> competitors) {
        for (Competitor c : competitors) {
            StringBuilder text = new StringBuilder("position: ").append(c.position() == null ? "unknown" : wire(c.position()));
            if (c.strengths() != null) {
                text.append("; strengths: ").append(c.strengths());
            }
            if (c.weaknesses() != null) {
                text.append("; weaknesses: ").append(c.weaknesses());
            }
            m.put("competitors." + c.name(), text.toString());
        }
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
