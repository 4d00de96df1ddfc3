package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/recalls/{recallNumber}}: the recall as the API shows it. {@code closedBy}/{@code closedAt}: who the
 * closing was carried out for and when it was carried out (the closing's job, after the signature);
 * {@code closingSignature}: the closing's electronic signature as the recalled lots' hash-chained history recorded it
 * at the signing, {@code {userId, fullName, signedAt, meaning}} (the printed name signed with, never the signer's
 * current name; 21 CFR 11.50, auditor sig28 H1/M2/L1), null while the recall is open or for a closing recorded
 * without a signature.
 */
public record RecallView(String recallNumber, String status, String classification, String reason,
        String openedBy, Instant openedAt, String closedBy, Instant closedAt, String closeComment,
        String closeJustification,
        String processInstanceId, String notifyWithin, List<AffectedLot> lots, List<Customer> customers,
        Effectiveness effectiveness, List<TimelineEntry> timeline, List<Disposal> disposals,
        List<ReceivedReturn> returnsReceived, Signature closingSignature,
        List<SupplierLotSibling> otherLotsOfSupplierLots) {

    /**
     * A lot received of the same supplier lot as a lot this recall names (the same traceability lot code from the same
     * supplier, 21 CFR 1.1320(b)) that is not in the recall's scope (trace29 F1: a supplier lot received as several
     * lotflow lots was recalled half, the other lot left RELEASED and shippable, without a word): its number, supplier,
     * supplier lot number and status now. Open a recall of it, or name it with {@code "wholeSupplierLot": true}.
     */
    public record SupplierLotSibling(String lotNumber, String supplier, String supplierLotNumber, String status) {
    }

    /** An electronic signature as recorded: the signer's id, the printed name signed with, when (UTC), the meaning. */
    public record Signature(String userId, String fullName, Instant signedAt, String meaning) {
    }

    /**
     * Goods a customer sent back, received at the plant under the recall ({@code POST
     * /api/recalls/{n}/received-returns}): {@code quantity} of {@code lotNumber} in its {@code unit}, from
     * {@code customer}, arrived on {@code receivedOn} with the return note {@code reference} (null when none), recorded
     * by {@code recordedBy} at {@code recordedAt}. On hand in the lot until the closing disposes of it.
     */
    public record ReceivedReturn(String lotNumber, String customer, BigDecimal quantity, String unit,
            LocalDate receivedOn, String reference, String recordedBy, Instant recordedAt) {
    }

    /**
     * What the closing disposed of, one entry per recalled lot that had stock on hand (21 CFR 7.55(a)): the quantity
     * in the lot's unit, the method ({@code DESTROYED}, {@code RETURNED_TO_SUPPLIER}; {@code REWORKED} in closings recorded before rework stopped being a disposal) and reference
     * signed by the QA manager who closed the recall ({@code closedBy}); empty while open or when nothing was on hand.
     */
    public record Disposal(String lotNumber, BigDecimal quantity, String unit, String method, String reference) {
    }

    /**
     * A lot in the recall's scope; {@code action} RECALLED or SKIPPED (see {@code note}); {@code receivesReturns}
     * whether goods of it sent back are received under this recall ({@link org.lotflow.recall.Recalls#receivesReturns}).
     */
    public record AffectedLot(String lotNumber, String sku, String productName, int depth, boolean named,
            String previousStatus, String status, String action, String note, boolean receivesReturns) {
    }

    /**
     * A customer to notify, for what it received in {@code unit}: a customer that received lots of several units is
     * listed once per unit, each with its own answer (auditor 2026-12-06 G2). What it received, in that unit, and its
     * answer (21 CFR 7.49, 7.53, 7.59): {@code answered} once the notification task is done; {@code reached} whether
     * the customer was told (false: the plant tried and could not reach it; null while open, and for answers recorded
     * before V145, which count as reached); {@code notified} answered and reached, so never true for a customer nobody
     * told; {@code notifiedBy}/{@code notifiedAt} who recorded the answer and when (the attempt's, when not reached);
     * {@code acknowledged} (false when not reached); {@code quantityReturned} (returned to the plant)
     * and {@code quantityDestroyed} (destroyed at the customer), in that unit; how and whom the plant reached,
     * {@code contactMethod} (PHONE, EMAIL, LETTER, FAX, VISIT) and {@code contactPerson}; {@code note} when given.
     * Answers recorded before these were kept apart (V138) have one {@code quantityReturned}, "returned or
     * destroyed", and no method, person or destroyed quantity. {@code serials}: the serial numbers of
     * the scope's lots shipped to it (serialised products; left out when none). {@code quantityReceived}: what arrived
     * back at the plant from it, in that unit ({@code returnsReceived}), beside what it said it returned.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Customer(String customer, BigDecimal quantityShipped, String unit, boolean answered,
            Boolean reached, boolean notified, Boolean acknowledged, BigDecimal quantityReturned, BigDecimal quantityDestroyed, String contactMethod,
            String contactPerson, String note, String notifiedBy, Instant notifiedAt,
            boolean escalated, List<Shipment> shipments, List<String> serials, List<String> attempts,
            BigDecimal quantityReceived) {
    }

    /** One shipment of a lot of the scope to the customer. */
    public record Shipment(String lotNumber, String orderNumber, BigDecimal quantity, LocalDate shippedAt) {
    }

    /** One entry of the recall's own timeline (opened, notified, escalated, checked, closed). */
    public record TimelineEntry(Instant at, String type, String user, String text) {
    }
}
