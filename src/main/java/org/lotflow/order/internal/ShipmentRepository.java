package org.lotflow.order.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The shipment ledger (table {@code shipment}); read by other modules only through {@link org.lotflow.order.Deliveries}. */
public interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    /** A JPQL string, not a derived query: Hibernate 6.6 caches its plan, not a derived query's criteria (issue #11). */
    @Query("select s from Shipment s where s.orderId = :orderId order by s.id")
    List<Shipment> findByOrderIdOrderById(Long orderId);
}
