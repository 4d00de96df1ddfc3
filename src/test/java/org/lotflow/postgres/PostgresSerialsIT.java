package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lotflow.serial.SerialScenarios;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient.Response;

/**
 * {@link SerialScenarios} on PostgreSQL, the database's own guard of serial rows (V114's checks, V115's trigger: no
 * serial deleted, moved to another lot or renamed), and the races there: the same serials registered into two lots of a
 * product at once (the unique key lets one win, the other is 409 naming a serial, nothing of it kept), and two
 * orders shipping the same serial at once (the lot locks queue them; the second finds it shipped, 409).
 */
@PostgresApiTest
class PostgresSerialsIT extends SerialScenarios {

    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> futures = pool.invokeAll(calls, 120, TimeUnit.SECONDS);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameSerialsRegisteredIntoTwoLotsAtOnceLandInOneLot() throws Exception {
        for (int round = 0; round < 4; round++) {
            String sku = serialisedProduct(null);
            String a = createLot(sku, 3000).json().get("lotNumber").asText();
            String b = createLot(sku, 3000).json().get("lotNumber").asText();
            List<String> serials = IntStream.rangeClosed(1, 3000).mapToObj(i -> "R" + i).toList();
            List<Response> answers = atOnce(List.of(() -> register("mike", a, serials),
                    () -> register("mike", b, serials)));
            assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
            Response lost = answers.get(0).status() == 409 ? answers.get(0) : answers.get(1);
            assertThat(lost.isProblem()).isTrue();
            assertThat(lost.json().get("field").asText()).as(lost.toString()).startsWith("serials");
            assertThat(serialRows(sku)).as("one lot's serials, nothing of the loser").isEqualTo(3000);
            assertThat(serialsOf(a).get("counts").get("IN_STOCK").asInt() + serialsOf(b).get("counts")
                    .get("IN_STOCK").asInt()).isEqualTo(3000);
        }
    }

    @Test
    void twoOrdersShippingTheSameSerialAtOnceShipItOnce() throws Exception {
        String sku = serialisedProduct("Q{seq:4}");
        String lot = api.releasedLot(sku, new BigDecimal("4"), "2025-01-10");
        List<String> inLot = texts(serialsOf(lot).get("items"));
        String first = order(sku, 2, "North Clinic");
        String second = order(sku, 2, "South Clinic");
        List<Response> answers = atOnce(List.of(() -> ship(first, List.of(inLot.get(0), inLot.get(1))),
                () -> ship(second, List.of(inLot.get(1), inLot.get(2)))));
        assertThat(answers).extracting(Response::status).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
        Response lost = answers.get(0).status() == 409 ? answers.get(0) : answers.get(1);
        assertThat(lost.json().get("detail").asText()).contains(inLot.get(1)).contains("already shipped");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM serial_number s JOIN lot l ON l.id = s.lot_id"
                + " WHERE l.lot_number = ? AND s.status = 'SHIPPED'", Long.class, lot)).isEqualTo(2);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("shipped").decimalValue())
                .isEqualByComparingTo("2");
    }

    @Test
    void theSerialRowsRefuseAStatusTheyCannotHaveAndNeverLeaveTheirLot() {
        String sku = serialisedProduct("C{seq:3}");
        String lot = createLot(sku, 1).json().get("lotNumber").asText();
        String serial = texts(serialsOf(lot).get("items")).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE serial_number SET status = 'SHIPPED' WHERE serial = ?", serial))
                .as("SHIPPED without its shipment line").hasMessageContaining("ck_serial_number_shipped");
        String other = createLot(sku, 1).json().get("lotNumber").asText();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("UPDATE serial_number SET lot_id ="
                + " (SELECT id FROM lot WHERE lot_number = ?) WHERE serial = ?", other, serial))
                .as("moved to another lot (V115)").hasStackTraceContaining("cannot move to another lot");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "DELETE FROM serial_number WHERE serial = ?", serial)).hasStackTraceContaining("belongs to its lot for good");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("TRUNCATE serial_number"))
                .hasStackTraceContaining("belongs to its lot for good");
        assertThat(api.get("tom", "/api/serials/" + serial + "?sku=" + sku).json().get("lotNumber").asText())
                .isEqualTo(lot);
        // a unit that left with its lot's disposal has left for good (V136)
        api.rejectAndDispose(other, "DESTROYED", null);
        String gone = texts(serialsOf(other).get("items")).get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE serial_number SET status = 'IN_STOCK' WHERE serial = ?", gone))
                .hasStackTraceContaining("left its lot (DISPOSED)");
    }
}
