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

/** One line of the shipment ledger: this customer received this quantity of this lot on this order. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false)
    private Long orderId;

    @Column(name = "lot_id", nullable = false)
    private Long lotId;

    @Column(nullable = false, length = 200)
    private String customer;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(name = "shipped_at", nullable = false)
    private LocalDate shippedAt;

    @Column(length = 200)
    private String carrier;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected Shipment() {
    }

    public Shipment(Long orderId, Long lotId, String customer, BigDecimal quantity, LocalDate shippedAt, String carrier,
            Instant createdAt, String createdBy) {
        this.orderId = orderId;
        this.lotId = lotId;
        this.customer = customer;
        this.quantity = quantity;
        this.shippedAt = shippedAt;
        this.carrier = carrier;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
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

    public String getCustomer() {
        return customer;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public LocalDate getShippedAt() {
        return shippedAt;
    }

    public String getCarrier() {
        return carrier;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
