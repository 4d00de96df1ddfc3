package org.lotflow.order.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The shipment ledger (table {@code shipment}); read by other modules only through {@link org.lotflow.order.Deliveries}. */
public interface ShipmentRepository extends JpaRepository<Shipment, Long> {

    List<Shipment> findByOrderIdOrderById(Long orderId);
}
