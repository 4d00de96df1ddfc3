package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A quantity of one lot reserved for one order. OPEN while reserved, SHIPPED once shipped,
 * CANCELLED (with the reason) when the order was cancelled or the lot lost its release.
 */
@Entity
@Table(name = "allocation")
public class Allocation {

    public enum Status {
        OPEN, SHIPPED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(name = "lot_id", nullable = false)
    private Long lotId;

    /** The order's product, kept with the allocation for FEFO compliance per product (V108). */
    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    /** True when the lot was chosen by FEFO; false for an approved override. */
    @Column(nullable = false)
    private boolean fefo;

    @Column(name = "approved_by", length = 64)
    private String approvedBy;

    @Column(name = "override_reason", length = 2000)
    private String overrideReason;

    @Column(name = "override_comment", length = 2000)
    private String overrideComment;

    /**
     * The ship date up to which the approved override bent the customer's minimum shelf life (the lot was short of it
     * at that date when approved; V185), null when it did not. Shipping does not judge the minimum again up to that
     * date: later the lot has less shelf life left than the signature allowed ({@code Shipping}).
     */
    @Column(name = "shelf_life_approved_through")
    private java.time.LocalDate shelfLifeApprovedThrough;

    /**
     * The ids of the released lots this FEFO allocation passed over only because they expire before the ship date it
     * assumed (the order's requiredBy; V197, audit 28 F1): FEFO would have taken them for a shipment on the day of the
     * allocation. Empty when it assumed no later ship date. {@code Shipping} refuses to ship before requiredBy while
     * one of them is still eligible on the ship date.
     */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "allocation_passed_over",
            joinColumns = @jakarta.persistence.JoinColumn(name = "allocation_id"))
    @Column(name = "lot_id")
    private java.util.Set<Long> passedOver = new java.util.HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "close_reason")
    private String closeReason;

    protected Allocation() {
    }

    public Allocation(Long orderId, Long productId, Long lotId, BigDecimal quantity, boolean fefo, Instant createdAt,
            String createdBy) {
        this.orderId = orderId;
        this.productId = productId;
        this.lotId = lotId;
        this.quantity = quantity;
        this.status = Status.OPEN;
        this.fefo = fefo;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /**
     * Allocated by {@code approvedBy}'s approved override; {@code shelfLifeApprovedThrough}: the ship date up to which
     * it bent the customer's minimum shelf life (the lot was short of it at that date when approved), null when it
     * bent FEFO only.
     */
    public void approvedOverride(String approvedBy, String reason, String comment,
            java.time.LocalDate shelfLifeApprovedThrough) {
        this.approvedBy = approvedBy;
        this.overrideReason = reason;
        this.overrideComment = comment;
        this.shelfLifeApprovedThrough = shelfLifeApprovedThrough;
    }

    /** See {@link #approvedOverride}: null when the approval bent no shelf life. */
    public java.time.LocalDate getShelfLifeApprovedThrough() {
        return shelfLifeApprovedThrough;
    }

    /** Records the lots this allocation passed over only because of the ship date it assumed ({@link #passedOver}). */
    public void passedOver(java.util.Collection<Long> lotIds) {
        this.passedOver.addAll(lotIds);
    }

    public void cancel(Instant at, String reason) {
        this.status = Status.CANCELLED;
        this.closedAt = at;
        this.closeReason = reason;
    }

    public void shipped(Instant at) {
        this.status = Status.SHIPPED;
        this.closedAt = at;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Long getLotId() {
        return lotId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isFefo() {
        return fefo;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getOverrideComment() {
        return overrideComment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getCloseReason() {
        return closeReason;
    }
}
