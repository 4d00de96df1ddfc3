package org.lotflow.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The business records lotflow decides and reports from, as their owners store them, for the audit check to compare
 * with the sealed trail (audit 29 F2; 21 CFR 11.10(a), (e), EU GMP Annex 11 §9, FSMA 204 shipping KDEs): a lot's
 * status (the ship gate reads it), the shipment ledger (traces, recall scopes, FSMA 204 and EPCIS exports read it) and
 * the lab results (the lab-results view, reports and certificates read them). The history module does not read these
 * tables; each owning module implements its interface (lot, order, release), as {@link LotNumbers}. Every method
 * answers the rows of the lots whose id lies in {@code [fromLotId, toLotId)}, one statement on the owner's index by
 * lot id, so the check reads a million lots in slices, never lot by lot.
 */
public final class BusinessRecords {

    private BusinessRecords() {
    }

    /** A lot's status as stored in {@code lot.status}. */
    public record LotStatusRow(long lotId, String lotNumber, String status) {
    }

    /** One line of the shipment ledger ({@code shipment}) with its order's number. */
    public record ShipmentRow(long id, long lotId, String orderNumber, String customer, BigDecimal quantity,
            LocalDate shippedAt, String carrier) {
    }

    /** One {@code lab_result} row: a test of a test round, its value or observation, the limits and the verdict. */
    public record LabResultRow(long id, long lotId, int round, String test, String unit, BigDecimal value,
            String text, BigDecimal min, BigDecimal max, boolean passed) {
    }

    /**
     * One disagreement between a record and the trail: the {@code table}, the row's {@code key} (its id and what
     * identifies it to a QA person), the {@code lotNumber}, the {@code field}, what the trail {@code recorded} and what
     * the table holds now ({@code found}); a missing event or row is said in words in place of the value.
     */
    public record Disagreement(String table, String key, String lotNumber, String field, String recorded,
            String found) {
    }

    /**
     * The comparison of every lot's status, shipment line and lab result with the trail: how many records were
     * {@code checked}, how many disagreements were found ({@code disagreeing}) and the {@code first} 100 of them, in lot
     * id order.
     */
    public record Reconciliation(long checked, long disagreeing, List<Disagreement> first) {

        public boolean agrees() {
            return disagreeing == 0;
        }
    }

    /** The lot module's {@code lot} table. */
    public interface LotStatuses {

        /** The highest lot id (0 when there is no lot). */
        long maxLotId();

        /** The lots with ids in {@code [fromLotId, toLotId)}, by id. */
        List<LotStatusRow> statuses(long fromLotId, long toLotId);
    }

    /** The order module's shipment ledger. */
    public interface Shipments {

        /** The shipment lines of the lots with ids in {@code [fromLotId, toLotId)}, by lot id and line id. */
        List<ShipmentRow> lines(long fromLotId, long toLotId);
    }

    /** The release module's {@code lab_result} rows. */
    public interface LabResults {

        /** The lab results of the lots with ids in {@code [fromLotId, toLotId)}, by lot id and row id. */
        List<LabResultRow> results(long fromLotId, long toLotId);
    }
}
