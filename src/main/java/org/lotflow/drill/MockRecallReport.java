package org.lotflow.drill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A mock-recall drill and its report ({@code GET /api/mock-recalls/{drillNumber}}; issue #14, BRCGS
 * 3.9/3.11, SQF 2.6.3): when it started and finished against its target time, the scope as traced when
 * it started (one step back to the suppliers, forward through every lot made from the drilled lot to
 * the customers), every customer with what it was shipped per lot, what came back from it to the plant under a
 * recall, what it destroyed on site by its answer to a recall and what it still holds (the recall module's own count,
 * so the drill and the recall say the same), and the mass balance of every lot of the scope, with its difference and
 * the drill's reconciliation percentage. Per lot, on hand + what its customers still hold + what they destroyed +
 * consumed + disposed is its quantity (+ its difference); where the customers' figures do not add up (more accounted
 * for than shipped, returns said but not received) a finding names the customer and the figures. Quantities are decimals in each lot's {@code unit}, exact (at most 3 decimal places),
 * never added across units.
 *
 * @param drillNumber {@code MR-{yyyy}-{seq:4}}
 * @param lotNumber the drilled lot
 * @param status {@link DrillStatus}
 * @param startedAt when the coordinator started it (the scope was traced then)
 * @param finishedAt when it was closed or failed by its timer; null while in progress
 * @param targetMinutes the target time ({@code lotflow.drill.target} when it started, 240 by default)
 * @param dueAt {@code startedAt + targetMinutes}
 * @param elapsedMinutes whole minutes from start to finish (a begun minute counts); null while in progress
 * @param traceComplete the coordinator's answer at {@code reviewDrillScope}; null until reviewed
 * @param reviewFindings the coordinator's findings recorded at the review
 * @param resultReason why a drill FAILED (every reason); null otherwise
 * @param reconciliationPercent the lowest reconciliation of the lots of the scope, 2 decimals rounded down
 * @param findings every mass-balance difference, one sentence each; empty when every lot reconciles
 */
public record MockRecallReport(String drillNumber, String lotNumber, DrillStatus status, Instant startedAt,
        String startedBy, Instant finishedAt, String finishedBy, int targetMinutes, Instant dueAt, Long elapsedMinutes,
        Boolean traceComplete, String reviewFindings, String reviewedBy, Instant reviewedAt, String closeComment,
        String resultReason, BigDecimal reconciliationPercent, List<Lot> lots, List<Supplier> suppliers,
        List<Customer> customers, List<String> findings) {

    /**
     * A lot of the scope and its mass balance: {@code quantity} (produced or received) = {@code available} +
     * {@code allocated} + {@code shipped} + {@code consumed} + {@code disposed} + {@code difference};
     * {@code onHand} = available + allocated. {@code shipped} is what is out at customers: the shipment ledger less
     * {@code receivedBack}, the goods received back at the plant from customers under a recall (on hand again, or
     * disposed of by the recall's closing); for a lot made from the drilled lot, or the drilled lot itself, the sum of
     * its customers' {@code stillAtCustomer} and {@code destroyedAtCustomer} ({@link CustomerLot}) when their figures
 * agree. {@code receivedBack} is null in drills started
     * before it was reported (their {@code shipped} is netted all the same). {@code role}: {@code DRILLED} (the lot the drill is on),
     * {@code SOURCE} (one step back: an input of the drilled lot) or {@code DOWNSTREAM} (made from it, at
     * {@code depth} steps). {@code status} is the lot's status when the drill started (the drill changes
     * none).
     */
    public record Lot(String lotNumber, String sku, String productName, String unit, String status, String role,
            int depth, BigDecimal quantity, BigDecimal available, BigDecimal allocated, BigDecimal shipped,
            BigDecimal receivedBack, BigDecimal consumed, BigDecimal disposed, BigDecimal onHand, BigDecimal difference,
            BigDecimal reconciliationPercent) {

        /**
         * The lot's part in the drill as a QA person says it (new user round 24 N7: "DRILLED", "SOURCE"): "Drilled
         * lot", "Input (one step back)", "Made from it" (", 2 steps on" further down); the API keeps {@code role}.
         */
        public String roleInWords() {
            return switch (role == null ? "" : role) {
                case "DRILLED" -> "Drilled lot";
                case "SOURCE" -> "Input (one step back)";
                case "DOWNSTREAM" -> "Made from it" + (depth > 1 ? ", " + depth + " steps on" : "");
                default -> role;
            };
        }
    }

    /**
     * One step back: a received lot of the scope (the drilled lot or one of its inputs) and who supplied it
     * ({@code supplier}, their {@code supplierLotNumber}, the {@code deliveryReference}, {@code receiptDate}).
     */
    public record Supplier(String supplier, String supplierLotNumber, String lotNumber, String deliveryReference,
            LocalDate receiptDate, BigDecimal quantity, String unit) {
    }

    /**
     * A customer that received lots of the scope (the drilled lot or one made from it): per lot what it was shipped,
     * received back, destroyed on site and still holds, every shipment, every receipt of its goods back at the plant
     * ({@code returnsReceived}, oldest first; empty when none, and in drills started before they were reported) and
     * every answer of its to a recall saying it destroyed goods of the scope on site ({@code destroyedAtCustomer},
     * oldest recall first; empty when none, and in drills started before they were reported). A customer that sent
     * everything back stays listed: the drill reached it.
     */
    public record Customer(String customer, List<CustomerLot> lots, List<Shipment> shipments,
            List<ReturnReceived> returnsReceived, List<DestroyedAtCustomer> destroyedAtCustomer) {

        public Customer {
            returnsReceived = returnsReceived == null ? List.of() : returnsReceived;
            destroyedAtCustomer = destroyedAtCustomer == null ? List.of() : destroyedAtCustomer;
        }
    }

    /**
     * A customer and one lot, in the lot's {@code unit}: {@code quantity} shipped to it (the shipment ledger, every
     * shipment), {@code receivedBack} from it at the plant under a recall, {@code destroyedAtCustomer} on site by its
     * answers to the recalls whose notification covered this lot alone ({@link DestroyedAtCustomer}), and
     * {@code stillAtCustomer} as the recall counts it: quantity less, per recall, the larger of what the customer said
     * it returned and what was received back, less what it destroyed; never below 0 (0 when it sent or destroyed
     * everything). {@code receivedBack} and {@code stillAtCustomer} are null in drills started before they were
     * reported, {@code destroyedAtCustomer} in drills started before it was.
     */
    public record CustomerLot(String lotNumber, String sku, String unit, BigDecimal quantity, BigDecimal receivedBack,
            BigDecimal stillAtCustomer, BigDecimal destroyedAtCustomer) {

        /**
         * What the customer had of the lot as the drill's pages and report say it: "17 kg shipped, 10 kg received back,
         * 7 kg still at the customer"; "17 kg shipped, all received back"; "17 kg shipped, none received back" (all of
         * it still at the customer); "10 pails shipped, 5 pails received back, 10 pails destroyed at the customer,
         * none still at the customer"; "30 pails shipped, none received back, 5 pails destroyed at the customer, 25 pails
         * said returned but not received, none still at the customer"; "17 kg shipped" in drills started before returns
         * were counted per customer.
         */
        public String inWords() {
            String shipped = plain(quantity) + " " + unit + " shipped";
            if (receivedBack == null || stillAtCustomer == null) {
                return shipped;
            }
            boolean destroyed = destroyedAtCustomer != null && destroyedAtCustomer.signum() > 0;
            // said returned, never received at the plant: neither still at the customer nor back (new user 29 F9)
            BigDecimal notReceived = quantity.subtract(receivedBack).subtract(stillAtCustomer)
                    .subtract(destroyed ? destroyedAtCustomer : BigDecimal.ZERO);
            if (notReceived.signum() > 0) {
                return shipped + (receivedBack.signum() == 0 ? ", none received back"
                        : ", " + plain(receivedBack) + " " + unit + " received back")
                        + (destroyed ? ", " + plain(destroyedAtCustomer) + " " + unit + " destroyed at the customer" : "")
                        + ", " + plain(notReceived) + " " + unit + " said returned but not received, "
                        + (stillAtCustomer.signum() == 0 ? "none" : plain(stillAtCustomer) + " " + unit)
                        + " still at the customer";
            }
            if (!destroyed) {
                if (receivedBack.signum() == 0) {
                    return shipped + ", none received back";
                }
                if (stillAtCustomer.signum() == 0) {
                    return shipped + ", all received back";
                }
                return shipped + ", " + plain(receivedBack) + " " + unit + " received back, " + plain(stillAtCustomer)
                        + " " + unit + " still at the customer";
            }
            return shipped + (receivedBack.signum() == 0 ? ", none received back"
                    : ", " + plain(receivedBack) + " " + unit + " received back") + ", " + plain(destroyedAtCustomer)
                    + " " + unit + " destroyed at the customer, " + (stillAtCustomer.signum() == 0 ? "none"
                            : plain(stillAtCustomer) + " " + unit) + " still at the customer";
        }
    }

    /**
     * {@code quantity} in {@code unit} the customer said, in its answer to recall {@code recallNumber} and its later
     * returns, it destroyed on site, of {@code lotNumbers}: the lots of that unit the recall shipped it (a recall asks
     * a customer once per unit, not per lot; lots outside the drill's scope included). When the answer is for one lot
     * it is that lot's {@link CustomerLot#destroyedAtCustomer()}; for several, the answer does not say how much of each,
     * so the drill counts it against none of them (their {@code stillAtCustomer} is at most what is left of each) and
     * says so ({@link #inWords}) rather than split it.
     */
    public record DestroyedAtCustomer(String recallNumber, List<String> lotNumbers, BigDecimal quantity, String unit) {

        /** Whether the answer is for one lot, counted in that lot's figures. */
        public boolean perLot() {
            return lotNumbers != null && lotNumbers.size() == 1;
        }

        /**
         * "10 pails of L-1 destroyed at the customer, by its answer to recall RC-2026-0001"; for several lots: "... of
         * L-1 and L-2 together ..., not said lot by lot: counted against neither lot's still at the customer".
         */
        public String inWords() {
            String lots = lotNumbers == null ? "" : lotNumbers.size() <= 1 ? String.join("", lotNumbers)
                    : String.join(", ", lotNumbers.subList(0, lotNumbers.size() - 1)) + " and "
                            + lotNumbers.get(lotNumbers.size() - 1) + " together";
            return plain(quantity) + (unit == null ? "" : " " + unit) + " of " + lots
                    + " destroyed at the customer, by its answer to recall " + recallNumber + (perLot() ? ""
                            : ", not said lot by lot: counted against no lot's still at the customer");
        }
    }

    /** A quantity as words print it: trailing zeros dropped, no exponent. */
    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Goods of lot {@code lotNumber} received back at the plant from the customer under recall {@code recallNumber}:
     * {@code quantity} in its {@code unit}, arrived on {@code receivedOn}, with the return note {@code reference} (null
     * when none). Recorded before the drill started.
     */
    public record ReturnReceived(String lotNumber, BigDecimal quantity, String unit, LocalDate receivedOn,
            String recallNumber, String reference) {
    }

    /** One shipment of a lot of the scope to the customer. */
    public record Shipment(String lotNumber, String orderNumber, BigDecimal quantity, String unit, LocalDate shippedAt,
            String carrier) {
    }

    /**
     * A drill of the history ({@code GET /api/mock-recalls}): its result and how long it took against its
     * target, so an auditor sees at a glance one drill a year.
     */
    public record Summary(String drillNumber, String lotNumber, DrillStatus status, Instant startedAt,
            String startedBy, Instant finishedAt, int targetMinutes, Long elapsedMinutes,
            BigDecimal reconciliationPercent, String resultReason) {
    }
}
