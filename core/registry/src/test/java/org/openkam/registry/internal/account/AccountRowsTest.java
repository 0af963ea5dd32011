package org.openkam.registry.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

/** The attributes column read as it was written: a JSON object of texts, numbers as their text. */
class AccountRowsTest {

    @Test
    void attributesReadBackAsWritten() throws SQLException {
        Map<String, String> written = new TreeMap<>(Map.of("growth", "12.5", "lei", "5299000J2N45DDNE4Y28",
                "note", "Kovačević \"Ost\" \\ \u20ac\n", "empty", ""));
        assertEquals(written, AccountRows.attributes(new Gson().toJson(written)));
        assertEquals(Map.of("growth", "7", "rate", "0.25"), AccountRows.attributes("{\"growth\": 7, \"rate\": 0.25}"));
        assertEquals(Map.of(), AccountRows.attributes("{}"));
        assertEquals(Map.of(), AccountRows.attributes(null));
    }

    @Test
    void anythingButAnObjectOfTextsIsAClearError() {
        for (String bad : new String[] {"[]", "{\"a\": null}", "{\"a\": {}}", "{\"a\": \"b\"", "not json"}) {
            SQLException e = assertThrows(SQLException.class, () -> AccountRows.attributes(bad), bad);
            assertTrue(e.getMessage().startsWith("the attributes of an account are no JSON object of texts"),
                    e.getMessage());
        }
    }
}
