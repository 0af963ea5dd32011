package org.openkam.retail.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Amounts as the API shows them: NUMERIC(19, 4) columns without their padding zeros, never in E-notation. */
final class Money {

    private Money() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal read(ResultSet rs, String column) throws SQLException {
        return plain(rs.getBigDecimal(column));
    }
}
