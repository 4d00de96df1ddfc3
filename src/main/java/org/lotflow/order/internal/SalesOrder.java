package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer order for one SKU. Its quantities (allocated, shipped, shortfall) are not stored:
 * they are computed from its allocations, so no concurrent writer has to update the order row
 * when, for example, a rejected lot cancels one of its allocations.
 */
@Entity
@Table(name = "sales_order")
public class SalesOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_number", nullable = false, unique = true, length = 64)
    private String orderNumber;

    @Column(nullable = false, length = 200)
    private String customer;

    /** What the customer prints as ({@link org.lotflow.shared.input.PartyNames#printsAs}; V140). */
    @Column(name = "customer_key", length = 800)
    private String customerKey;

    @Column(name = "product_id", nullable = false)
    private Long productId;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(name = "required_by")
    private LocalDate requiredBy;

    @Column(name = "min_shelf_life_months")
    private Integer minShelfLifeMonths;

    @Column(name = "requested_lot", length = 64)
    private String requestedLot;

    /** OPEN or CANCELLED; the finer status shown by the API is derived from the allocations. */
    @Column(nullable = false, length = 24)
    private String status;

    /** Why the customer asks for {@code requestedLot}, as sales recorded it (V150). */
    @Column(name = "request_reason", length = 1000)
    private String requestReason;

    @Column(name = "override_status", length = 24)
    private String overrideStatus;

    @Column(name = "override_reason", length = 2000)
    private String overrideReason;

    @Column(name = "override_decided_by", length = 64)
    private String overrideDecidedBy;

    @Column(name = "override_comment", length = 2000)
    private String overrideComment;

    /** The allocationOverride process lotflow started for this order (issue #8: one, bound at its start). */
    @Column(name = "override_process_instance_id", length = 64)
    private String overrideProcessInstanceId;

    /** The QA manager's signed decision (APPROVED or REFUSED), recorded when approveOverride completes. */
    @Column(name = "override_decision", length = 16)
    private String overrideDecision;

    @Column(name = "override_decision_by", length = 64)
    private String overrideDecisionBy;

    @Column(name = "override_decision_comment", length = 2000)
    private String overrideDecisionComment;

    @Column(name = "override_decision_at")
    private Instant overrideDecisionAt;

    @Column(name = "override_decision_reason", length = 16000)
    private String overrideDecisionReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by", length = 64)
    private String cancelledBy;

    @Version
    private long version;

    public static final String OPEN = "OPEN";
    public static final String CANCELLED = "CANCELLED";

    protected SalesOrder() {
    }

    public SalesOrder(String orderNumber, String customer, Long productId, BigDecimal quantity, LocalDate requiredBy,
            Integer minShelfLifeMonths, String requestedLot, Instant createdAt, String createdBy) {
        this.orderNumber = orderNumber;
        this.customer = customer;
        this.customerKey = customer == null ? null : org.lotflow.shared.input.PartyNames.printsAs(customer);
        this.productId = productId;
        this.quantity = quantity;
        this.requiredBy = requiredBy;
        this.minShelfLifeMonths = minShelfLifeMonths;
        this.requestedLot = requestedLot;
        this.status = OPEN;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Records why the customer asks for the requested lot (sales' words; the seed's "customer requirement"). */
    public void requestReason(String reason) {
        this.requestReason = reason;
    }

    public String getRequestReason() {
        return requestReason;
    }

    public void requestOverride(String reason) {
        this.overrideStatus = OverrideStatus.PENDING.name();
        this.overrideReason = reason;
    }

    /** Marks overrides requested before V60, whose process was started without a binding. */
    static final String LEGACY_PROCESS = "pre-V60";

    public void bindOverrideProcess(String processInstanceId) {
        this.overrideProcessInstanceId = processInstanceId;
    }

    /** True when {@code processInstanceId} is the override process lotflow started for this order. */
    public boolean isOverrideProcess(String processInstanceId) {
        return overrideProcessInstanceId != null && (overrideProcessInstanceId.equals(processInstanceId)
                || LEGACY_PROCESS.equals(overrideProcessInstanceId));
    }

    public void signOverrideDecision(boolean approved, String by, String comment, Instant at, String reason) {
        this.overrideDecision = approved ? OverrideStatus.APPROVED.name() : OverrideStatus.REFUSED.name();
        this.overrideDecisionBy = by;
        this.overrideDecisionComment = comment;
        this.overrideDecisionAt = at;
        this.overrideDecisionReason = reason;
    }

    /** Why the override was an exception as it stood at the signature; null for a decision signed before it was kept. */
    public String getOverrideDecisionReason() {
        return overrideDecisionReason;
    }

    public void decideOverride(OverrideStatus outcome, String decidedBy, String comment) {
        this.overrideStatus = outcome.name();
        this.overrideDecidedBy = decidedBy;
        this.overrideComment = comment;
    }

    public void cancel(Instant at, String by) {
        this.status = CANCELLED;
        this.cancelledAt = at;
        this.cancelledBy = by;
        if (OverrideStatus.PENDING.name().equals(overrideStatus) && overrideDecision != null) {
            // signed before the cancellation but not yet carried out: the QA manager's decision stands in the order's
            // record as in the lot's audit trail, with nothing allocated by it (re-test 2026-12-06 F3: "WITHDRAWN",
            // undecided, beside a signed OVERRIDE_APPROVED)
            this.overrideStatus = overrideDecision;
            this.overrideDecidedBy = overrideDecisionBy;
            this.overrideComment = overrideDecisionComment;
        } else if (OverrideStatus.PENDING.name().equals(overrideStatus)) {
            this.overrideStatus = OverrideStatus.WITHDRAWN.name();
        }
    }

    public boolean isCancelled() {
        return CANCELLED.equals(status);
    }

    public boolean isOverridePending() {
        return OverrideStatus.PENDING.name().equals(overrideStatus);
    }

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getCustomer() {
        return customer;
    }

    public Long getProductId() {
        return productId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public LocalDate getRequiredBy() {
        return requiredBy;
    }

    public Integer getMinShelfLifeMonths() {
        return minShelfLifeMonths;
    }

    public String getRequestedLot() {
        return requestedLot;
    }

    public String getStatus() {
        return status;
    }

    public String getOverrideStatus() {
        return overrideStatus;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getOverrideDecidedBy() {
        return overrideDecidedBy;
    }

    public String getOverrideComment() {
        return overrideComment;
    }

    public String getOverrideProcessInstanceId() {
        return overrideProcessInstanceId;
    }

    /** APPROVED, REFUSED, or null while no QA manager has signed a decision. */
    public String getOverrideDecision() {
        return overrideDecision;
    }

    public String getOverrideDecisionBy() {
        return overrideDecisionBy;
    }

    /** When the override decision was signed; null while none is. */
    public Instant getOverrideDecisionAt() {
        return overrideDecisionAt;
    }

    public String getOverrideDecisionComment() {
        return overrideDecisionComment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }
}
