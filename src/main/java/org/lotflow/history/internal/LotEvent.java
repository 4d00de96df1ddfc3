package org.lotflow.history.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One entry of a lot's audit trail: what happened, when, by whom (id and full name at the time),
 * why, and the status before and after. Never updated or deleted.
 */
@Entity
@Immutable
@Table(name = "lot_event")
public class LotEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private Long lotId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false, length = 40)
    private String type;

    @Column(name = "user_id", nullable = false, updatable = false, length = 64)
    private String userId;

    @Column(name = "user_name", nullable = false, updatable = false, length = 200)
    private String userName;

    @Column(name = "previous_status", updatable = false, length = 16)
    private String previousStatus;

    @Column(name = "new_status", updatable = false, length = 16)
    private String newStatus;

    @Column(updatable = false, length = 16000)
    private String reason;

    /** JSON; unbounded (V129): a hold's impact names every customer the lot reached. */
    @Column(updatable = false)
    private String detail;

    /** The record seal ({@code chain.EventMac}, V216): HMAC-SHA256 with lotflow's key, made when the row is written. */
    @Column(updatable = false, length = 120)
    private String mac;

    protected LotEvent() {
    }

    public LotEvent(Long lotId, Instant at, String type, String userId, String userName, String previousStatus,
            String newStatus, String reason, String detail, String mac) {
        this.mac = mac;
        this.lotId = lotId;
        this.at = at;
        this.type = type;
        this.userId = userId;
        this.userName = userName;
        this.previousStatus = previousStatus;
        this.newStatus = newStatus;
        this.reason = reason;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Long getLotId() {
        return lotId;
    }

    public Instant getAt() {
        return at;
    }

    public String getType() {
        return type;
    }

    public String getUserId() {
        return userId;
    }

    public String getUserName() {
        return userName;
    }

    public String getPreviousStatus() {
        return previousStatus;
    }

    public String getNewStatus() {
        return newStatus;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }
}
