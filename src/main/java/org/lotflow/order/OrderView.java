package org.lotflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An order as the API shows it. {@code allocated} counts open and shipped allocations (what the
 * order holds); {@code shortfall = quantity - allocated}; cancelled allocations say why; {@code requestReason}: why the
 * customer asks for {@code requestedLot}, as sales recorded it; {@code cancelledAt} and {@code cancelledBy} (user id): who
 * cancelled the order and when, absent until it is (auditor 2026-12-06 F12: an order without allocations kept neither).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String orderNumber, String status, String customer, String sku, BigDecimal quantity,
        BigDecimal allocated, BigDecimal shipped, BigDecimal shortfall, LocalDate requiredBy,
        Integer minShelfLifeMonths, String requestedLot, String requestReason, Override override,
        List<AllocationLine> allocations, List<ShipmentLine> shipments, Instant createdAt, String createdBy,
        Instant cancelledAt, String cancelledBy) {

    /**
     * An allocation of the order. {@code fefo}: chosen by FEFO; else {@code approvedBy} approved it as an override
     * for {@code overrideReason}, and {@code shelfLifeApproved} says whether that approval bent the customer's minimum
     * shelf life (the lot was short of it when approved) or FEFO only; {@code shelfLifeApprovedThrough}: the ship date
     * the approval was judged at, up to which shipping does not judge the minimum again (later the lot has less left
     * than the signature allowed), left out when none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllocationLine(String lotNumber, BigDecimal quantity, LocalDate expirationDate, String status,
            boolean fefo, String approvedBy, String overrideReason, String closeReason, Instant closedAt,
            LocalDate shelfLifeApprovedThrough) {

        /** Whether the approval bent the customer's minimum shelf life ({@code shelfLifeApprovedThrough} set). */
        @com.fasterxml.jackson.annotation.JsonProperty("shelfLifeApproved")
        public boolean shelfLifeApproved() {
            return shelfLifeApprovedThrough != null;
        }
    }

    /** A shipment line; {@code serials}: the serial numbers shipped with it (serialised products only, else left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentLine(String lotNumber, BigDecimal quantity, LocalDate shippedAt, String carrier,
            List<String> serials) {

        public ShipmentLine(String lotNumber, BigDecimal quantity, LocalDate shippedAt, String carrier) {
            this(lotNumber, quantity, shippedAt, carrier, null);
        }
    }

    /**
     * An order's override: its status, whether pending, the requested lot, the reason, and the signed decision as the
     * requested lot's hash-chained history recorded it (auditor sig28 H1, M2; 21 CFR 11.50): {@code decidedBy} (the
     * signer's id), {@code decidedByName} (the printed name signed with, not the signer's current name),
     * {@code signedAt} (UTC) and {@code meaning} ("allocation override approval" or "... refusal"); and the
     * {@code comment}. Absent values are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Override(String status, boolean pending, String requestedLot, String reason, String decidedBy,
            String comment, String decidedByName, java.time.Instant signedAt, String meaning) {

        /**
         * The override's status with its decision as signed ({@code signed}: the latest {@code OVERRIDE_APPROVED} or
         * {@code OVERRIDE_REFUSED} of the order, null when none is recorded), never {@code sales_order}'s column alone,
         * which an edit would change (re-test N3; 21 CFR 11.70): a decided status ({@code APPROVED}, {@code REFUSED},
         * {@code LOT_UNAVAILABLE}, {@code WITHDRAWN}) is the signed decision's, {@code LOT_UNAVAILABLE} kept only
         * beside a signed approval (an approval not carried out); {@code PENDING} (signed, not yet carried out) and
         * a status without a signature stay as they are.
         */
        public static String signedStatus(String status, org.lotflow.history.RecordedSignature signed) {
            if (signed == null || status == null || "PENDING".equals(status)) {
                return status;
            }
            if (OrderEventTypes.OVERRIDE_REFUSED.equals(signed.type())) {
                return "REFUSED";
            }
            if (OrderEventTypes.OVERRIDE_APPROVED.equals(signed.type())) {
                return "LOT_UNAVAILABLE".equals(status) ? status : "APPROVED";
            }
            return status;
        }
    }
}
