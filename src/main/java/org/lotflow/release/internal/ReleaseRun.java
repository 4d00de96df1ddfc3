package org.lotflow.release.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The one lab release process of a lot (table {@code lot_release_run}, migration V50). Written
 * by the start listener of {@code lotRelease} under the lot's row lock; its primary key (the lot)
 * refuses a second release process of a lot, and its process instance id names the only instance
 * whose listeners and delegates may act on the lot. The contract: "lotRelease is started only by
 * creating a lot"; EU GMP Annex 11 §5 (data exchanged with other systems checked) and 21 CFR
 * 11.10(f) (operational checks enforce the permitted sequence of steps).
 */
@Entity
@Table(name = "lot_release_run")
class ReleaseRun implements Persistable<Long> {

    @Id
    @Column(name = "lot_id")
    private Long lotId;

    /** Null for lots whose release started before V50 (their instance was not recorded). */
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Transient
    private boolean isNew;

    protected ReleaseRun() {
    }

    ReleaseRun(Long lotId, String processInstanceId, Instant startedAt) {
        this.lotId = lotId;
        this.processInstanceId = processInstanceId;
        this.startedAt = startedAt;
        this.isNew = true;
    }

    @Override
    public Long getId() {
        return lotId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    /** Whether this run belongs to that process instance (a run from before V50 accepts any). */
    boolean isRunBy(String instanceId) {
        return processInstanceId == null || processInstanceId.equals(instanceId);
    }
}
