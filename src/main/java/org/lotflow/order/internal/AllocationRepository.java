package org.lotflow.order.internal;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Allocation rows of the order module (table {@code allocation}); only the order module reads or writes them. */
public interface AllocationRepository extends JpaRepository<Allocation, Long> {

    // JPQL strings, not derived queries: Hibernate 6.6 caches their plans, not a derived query's criteria (issue #11)
    @Query("select a from Allocation a where a.orderId = :orderId order by a.id")
    List<Allocation> findByOrderIdOrderById(Long orderId);

    @Query("select a from Allocation a where a.lotId = :lotId and a.status = :status order by a.id")
    List<Allocation> findByLotIdAndStatusOrderById(Long lotId, Allocation.Status status);

    /**
     * Whether the lot has allocations in that status, asked without flushing the persistence context
     * first (Hibernate's auto flush dirty-checks every managed entity before each query: a recall
     * changing 15,000 lots in one transaction asked 15,000 times over a growing context, issue #11).
     * Safe because allocations are inserted at once (identity ids) and only leave OPEN in memory: a
     * pending change can make this say yes where the flushed answer is no, and the caller then reads
     * the allocations with a flushing query; never the other way round.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select count(a) > 0 from Allocation a where a.lotId = :lotId and a.status = :status")
    boolean existsByLotIdAndStatus(Long lotId, Allocation.Status status);

    @Query("select a from Allocation a where a.orderId = :orderId and a.status = :status order by a.id")
    List<Allocation> findByOrderIdAndStatusOrderById(Long orderId, Allocation.Status status);

    /** Lot ids only (no entities): read before the lots are locked, so nothing stale stays in the session. */
    /** The lots the order's open allocations passed over only because of the ship date they assumed (V197). */
    @Query(value = "select distinct p.lot_id from allocation_passed_over p join allocation a on a.id = p.allocation_id"
            + " join sales_order o on o.id = a.order_id"
            + " where o.order_number = :orderNumber and a.status = 'OPEN' order by p.lot_id", nativeQuery = true)
    List<Long> passedOverByOpenAllocations(@Param("orderNumber") String orderNumber);

    /**
     * Who holds these lots: rows {@code (lot_id, order_number, required_by, quantity)} of the open allocations of orders
     * other than {@code orderId}, summed per lot and order, by lot, then by order number. No lock: it names the holders
     * in a refusal; the decision is taken on the lots' own figures (re-test N4).
     */
    @Query(value = "select a.lot_id, o.order_number, o.required_by, sum(a.quantity) from allocation a"
            + " join sales_order o on o.id = a.order_id where a.status = 'OPEN' and a.lot_id in (:lotIds)"
            + " and a.order_id <> :orderId group by a.lot_id, o.order_number, o.required_by"
            + " order by a.lot_id, o.order_number", nativeQuery = true)
    List<Object[]> openHoldersOf(@Param("lotIds") Collection<Long> lotIds, @Param("orderId") Long orderId);

    @Query("select distinct a.lotId from Allocation a where a.orderId = :orderId and a.status = :status")
    List<Long> lotIdsOf(@Param("orderId") Long orderId, @Param("status") Allocation.Status status);
}
