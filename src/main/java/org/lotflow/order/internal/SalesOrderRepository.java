package org.lotflow.order.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Order rows (table {@code sales_order}); the lock methods are the first step of the module's lock order ({@link OrderLocking}). */
public interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

    /** The customers on record that print as {@code key} ({@code org.lotflow.shared.input.PartyNames.printsAs}), each once. */
    @org.springframework.data.jpa.repository.Query(value = "SELECT DISTINCT customer FROM sales_order"
            + " WHERE customer_key = :key", nativeQuery = true)
    java.util.List<String> customersPrintingAs(@org.springframework.data.repository.query.Param("key") String key);

    /** A JPQL string, not a derived query: Hibernate 6.6 caches its plan, not a derived query's criteria (issue #11). */
    @org.springframework.data.jpa.repository.Query("select o from SalesOrder o where o.orderNumber = :orderNumber")
    Optional<SalesOrder> findByOrderNumber(@org.springframework.data.repository.query.Param("orderNumber") String orderNumber);

    /**
     * The stored number of the order whose number is {@code orderNumber} whatever its case (order numbers are unique
     * whatever their case, V130; PostgreSQL answers from that expression index): what a person typing "so-2025-1345"
     * means.
     */
    @Query(value = "select order_number from sales_order where upper(order_number) = upper(:orderNumber)",
            nativeQuery = true)
    Optional<String> findOrderNumberIgnoringCase(@Param("orderNumber") String orderNumber);

    @Query("select count(o) > 0 from SalesOrder o where o.orderNumber = :orderNumber")
    boolean existsByOrderNumber(String orderNumber);

    /** The order row locked: shipments, cancellations and override outcomes of one order run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.orderNumber = :orderNumber")
    Optional<SalesOrder> lockByOrderNumber(@Param("orderNumber") String orderNumber);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from SalesOrder o where o.id = :id")
    Optional<SalesOrder> lockById(@Param("id") Long id);

    @Query("select o from SalesOrder o where o.productId = :productId and o.overrideStatus is not null order by o.id")
    List<SalesOrder> findByProductIdAndOverrideStatusNotNullOrderById(Long productId);
}
