package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V138 on a database of the version before: an answer recorded then keeps its one "returned or destroyed" number and
 * has no contact method, person, note or destroyed quantity (null: not recorded, not "none"); from then on the
 * database itself keeps the contact method to the five methods and returned plus destroyed within what was shipped
 * (21 CFR 7.42(b)(3), 7.59).
 */
class NotificationContactMigrationTest {

    @Test
    void anOlderAnswerKeepsItsNumberAndTheDatabaseGuardsTheNewColumns() {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:v138;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("137").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                INSERT INTO recall (recall_number, classification, reason, status, opened_at, opened_by)
                VALUES ('RC-2025-001', 'CLASS_I', 'Salmonella', 'NOTIFYING', CURRENT_TIMESTAMP, 'rachel')""");
        long recall = jdbc.queryForObject("SELECT id FROM recall", Long.class);
        jdbc.update("""
                INSERT INTO recall_notification (recall_id, customer, unit, quantity_shipped, status, acknowledged,
                                                 quantity_returned, notified_at, notified_by, position)
                VALUES (?, 'Acme Foods', 'kg', 100, 'DONE', TRUE, 40, CURRENT_TIMESTAMP, 'rachel', 0)""", recall);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();

        Map<String, Object> old = jdbc.queryForMap("SELECT * FROM recall_notification WHERE customer = 'Acme Foods'");
        assertThat((BigDecimal) old.get("QUANTITY_RETURNED")).isEqualByComparingTo("40");
        assertThat(old.get("QUANTITY_DESTROYED")).isNull();
        assertThat(old.get("CONTACT_METHOD")).isNull();
        assertThat(old.get("CONTACT_PERSON")).isNull();
        assertThat(old.get("NOTE")).isNull();

        jdbc.update("""
                INSERT INTO recall_notification (recall_id, customer, unit, quantity_shipped, status, position)
                VALUES (?, 'Beta Bakery', 'kg', 100, 'OPEN', 1)""", recall);
        String answer = "UPDATE recall_notification SET status = 'DONE', acknowledged = TRUE, contact_method = ?,"
                + " contact_person = 'Jane Roe', quantity_returned = ?, quantity_destroyed = ?"
                + " WHERE customer = 'Beta Bakery'";
        assertThatThrownBy(() -> jdbc.update(answer, "PIGEON", 1, 0)).as("no other contact method")
                .hasMessageContaining("CK_RECALL_CONTACT_METHOD");
        assertThatThrownBy(() -> jdbc.update(answer, "PHONE", 50, 60)).as("more than shipped")
                .hasMessageContaining("CK_RECALL_DESTROYED");
        assertThatThrownBy(() -> jdbc.update(answer, "PHONE", 0, -1)).hasMessageContaining("CK_RECALL_DESTROYED");
        assertThat(jdbc.update(answer, "VISIT", 40, 60)).isOne();
        jdbc.execute("DROP ALL OBJECTS");
    }
}
