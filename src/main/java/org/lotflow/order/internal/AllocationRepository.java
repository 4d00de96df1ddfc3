package org.lotflow.order.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Allocation rows of the order module (table {@code allocation}); only the order module reads or writes them. */
public interface AllocationRepository extends JpaRepository<Allocation, Long> {

    List<Allocation> findByOrderIdOrderById(Long orderId);

    List<Allocation> findByLotIdAndStatusOrderById(Long lotId, Allocation.Status status);

    boolean existsByLotIdAndStatus(Long lotId, Allocation.Status status);

    List<Allocation> findByOrderIdAndStatusOrderById(Long orderId, Allocation.Status status);

    /** Lot ids only (no entities): read before the lots are locked, so nothing stale stays in the session. */
    @Query("select distinct a.lotId from Allocation a where a.orderId = :orderId and a.status = :status")
    List<Long> lotIdsOf(@Param("orderId") Long orderId, @Param("status") Allocation.Status status);
}
