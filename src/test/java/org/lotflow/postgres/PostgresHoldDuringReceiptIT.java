package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hold of a supplier lot's lot committing at the same moment as a receipt of more of that supplier lot: the receipt
 * locks the supplier lot's lots' rows before it reads their statuses, so it waits for a status change the other
 * transaction has made but not yet committed, and then sees it: the new delivery is received into QUARANTINE, not
 * into lab release. Without that lock the receipt read the lot as PENDING and the delivery went to lab release
 * (session 27's note: holds do not take the supplier lot's lock). The hold is played by a connection of the test's
 * own, which changes the lot's status under its row lock as {@code LotService.changeStatus} does, and commits once the
 * receipt waits.
 */
@PostgresApiTest
class PostgresHoldDuringReceiptIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private Response receive(String sku, String supplierLot, String reference) {
        return api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "Race Supplies Ltd",
                "supplierLotNumber", supplierLot, "receiptDate", "2025-01-27", "location", "Tank 9",
                "deliveryReference", reference, "lines", List.of(Map.of("quantity", new BigDecimal("100"),
                        "expirationDate", "2028-01-01"))));
    }

    @Test
    void aReceiptWaitsForAHoldOfItsSupplierLotInFlightAndSeesIt() throws Exception {
        String sku = api.createProduct("RCVRACE");
        String supplierLot = "RR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Response first = receive(sku, supplierLot, "BOL-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String earlier = first.json().get("lots").get(0).get("lotNumber").asText();

        Response next = StatusChangeInFlight.during(dataSource, jdbc, earlier, "QUARANTINE",
                () -> receive(sku, supplierLot, "BOL-2"), "a receipt of " + supplierLot + " went ahead while a hold of"
                        + " its lot " + earlier + " was in flight");
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        String lot = next.json().get("lots").get(0).get("lotNumber").asText();
        assertThat(next.json().get("lots").get(0).get("status").asText())
                .as(lot + " of " + supplierLot + ", received while " + earlier + " was being held").isEqualTo("QUARANTINE");
        assertThat(next.json().get("notice").asText()).contains(earlier);
        assertThat(api.get("jennifer", "/engine-rest/process-instance?processDefinitionKey=lotRelease&businessKey="
                + lot).json()).isEmpty();
    }
}
