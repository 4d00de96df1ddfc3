package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Supplier receipts and the FSMA 204 export on PostgreSQL (issue #14): V100's columns and indexes, the
 * receipt's lots, the search by supplier lot number, the array-parameter reads of {@code LotOrigins} and the
 * date-range reads, and the demo's recall story (base oil RM-2025-015 received from its supplier) as a
 * regulator would ask for it.
 */
@PostgresApiTest
class PostgresReceiptsIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** The plan PostgreSQL makes for {@code sql} when a table scan is not an option (tables are tiny here). */
    private String planWithoutScans(String sql) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class));
            status.setRollbackOnly();
            return plan;
        });
    }

    @Test
    void theSupplierLotSearchAndTheDateRangesHaveTheirIndexes() {
        // the lot list's page query (LotSearch) with the supplier lot filter: one index range in FEFO order, no sort
        // whatever the capitals, spaces and dashes typed (auditor round 22 M5, session 27's note): the key's (V190)
        String page = planWithoutScans("SELECT * FROM lot WHERE supplier_lot_key = 'GCB247781'"
                + " ORDER BY expiration_date, manufacture_date, lot_number FETCH FIRST 51 ROWS ONLY");
        assertThat(page).contains("ix_lot_supplier_lot_key_fefo").doesNotContain("Sort");
        // a receipt's check of the supplier lot's lots, however its number is written (LotRepository
        // #receivedOfSupplierLot, re-test 27 R2): the key's column and index (V189)
        assertThat(planWithoutScans("SELECT lot_number, supplier, supplier_lot_number, delivery_reference, status,"
                + " recalled_once, id, archived_from, product_id FROM lot WHERE supplier_lot_key = 'GCB247781'"
                + " ORDER BY lot_number")).contains("ix_lot_supplier_lot_key_fefo");
        assertThat(planWithoutScans("SELECT id FROM lot WHERE receipt_date BETWEEN DATE '2025-01-01' AND"
                + " DATE '2025-01-31' AND source = 'RECEIPT'")).contains("ix_lot_receipt_date");
        assertThat(planWithoutScans("SELECT id FROM shipment WHERE shipped_at BETWEEN DATE '2025-01-01' AND"
                + " DATE '2025-01-31'")).contains("ix_shipment_shipped_at");
    }

    private List<CSVRecord> export(String query) throws IOException {
        return Fsma204ApiTest.rows(api.call("rachel", "rachel", HttpMethod.GET, "/api/traceability/fsma204?" + query,
                null, "text/csv"));
    }

    @Test
    void aReceiptAndItsTraceAsFsma204Records() throws IOException {
        Fsma204ApiTest.Story s = Fsma204ApiTest.story(api);
        assertThat(jdbc.queryForObject("SELECT source FROM lot WHERE lot_number = ?", String.class, s.received()))
                .isEqualTo("RECEIPT");
        JsonNode found = api.get("tom", "/api/lots?supplierLotNumber=" + s.supplierLot()).json().get("items");
        assertThat(found).extracting(l -> l.get("lotNumber").asText()).containsExactly(s.received(), s.sibling());

        List<CSVRecord> rows = export("lot=" + s.made());
        assertThat(rows).extracting(r -> r.get("event") + " " + r.get("lotNumber")).containsExactly(
                "RECEIVING " + s.received(), "TRANSFORMATION " + s.made(), "SHIPPING " + s.made());
        for (CSVRecord row : rows) {
            assertThat(Fsma204KdeTest.missing(row)).as(row.toString()).isEmpty();
        }
        assertThat(export("from=2025-01-20&to=2025-01-20")).extracting(r -> r.get("lotNumber"))
                .contains(s.received(), s.sibling());
        assertThat(rows.get(0).get("traceabilityLotCode")).as("the supplier's code (U15)").isEqualTo(s.supplierLot());
    }

    @Test
    void theDemoRecallStoryNamesTheSupplierAndTheCustomers() throws IOException {
        List<CSVRecord> rows = export("lot=RM-2025-015");
        CSVRecord receiving = rows.stream().filter(r -> r.get("event").equals("RECEIVING")).findFirst().orElseThrow();
        assertThat(receiving.get("traceabilityLotCode")).as("the supplier's code").isEqualTo("GCB-24-7781");
        assertThat(receiving.get("lotNumber")).isEqualTo("RM-2025-015");
        assertThat(receiving.get("immediatePreviousSource")).startsWith("Gulf Coast Base Oils");
        assertThat(receiving.get("supplierLotNumber")).isEqualTo("GCB-24-7781");
        assertThat(receiving.get("referenceDocumentNumber")).isEqualTo("BOL-2025-0117");
        assertThat(rows).extracting(r -> r.get("event") + " " + r.get("lotNumber") + " "
                + r.get("immediateSubsequentRecipient")).contains("TRANSFORMATION IL250P-2025-002 ",
                "SHIPPING IL250P-2025-002 Metro Manufacturing", "SHIPPING IL250P-2025-002 Allied Machining");
        for (CSVRecord row : rows) {
            assertThat(Fsma204KdeTest.missing(row)).as(row.toString()).isEmpty();
        }
        Response bad = api.call("rachel", "rachel", HttpMethod.GET, "/api/traceability/fsma204?to=2025-01-01&from=2025-02-01",
                null, "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("to");
        assertThat(api.post("mike", "/api/receipts", Map.of("sku", "RM-BASE-OIL", "supplier", "x", "supplierLotNumber",
                "y", "receiptDate", "2025-01-28", "location", "Tank farm 2", "lines", List.of(
                        Map.of("quantity", 1, "expirationDate", "2026-01-01"),
                        Map.of("quantity", 2, "expirationDate", "2026-01-01")))).status()).isEqualTo(400);
    }
}
