package org.lotflow.lot.internal;

import org.lotflow.lot.Lot;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code lot} table, inside the lot module only: other modules find, lock and change lots through
 * {@link org.lotflow.lot.LotStock} and {@link org.lotflow.lot.LotService}.
 */
public interface LotRepository extends JpaRepository<Lot, Long> {

    /** The suppliers on record that print as {@code key} ({@code org.lotflow.shared.input.PartyNames.printsAs}), each once. */
    @Query(value = "SELECT DISTINCT supplier FROM lot WHERE supplier_key = :key", nativeQuery = true)
    List<String> suppliersPrintingAs(@Param("key") String key);

    /**
     * The lots received from a supplier lot whose number reads as {@code key} ({@link SupplierLotRules#key}: its
     * letters and digits in capitals, so "AS 2", "as-2", "AS2" and "AS‐2" are one; re-test 27 R2)
     * ({@code [lotNumber, supplier, supplierLotNumber, deliveryReference, status, recalledOnce, id, archivedFrom,
     * productId]}, by lot number; through {@code lot.supplier_lot_key} and its index, V189, V190), of every supplier and
     * product: what a new receipt of it is checked against ({@link SupplierLotRules}).
     */
    @Query(value = "SELECT lot_number, supplier, supplier_lot_number, delivery_reference, status, recalled_once, id,"
            + " archived_from, product_id FROM lot WHERE supplier_lot_key = :key ORDER BY lot_number",
            nativeQuery = true)
    List<Object[]> receivedOfSupplierLot(@Param("key") String key);

    /**
     * SQL: stock available ({@link org.lotflow.lot.LotQuantities#available()} &gt; 0): the generated column
     * {@code stock_available = quantity > allocated + shipped + consumed + disposed} (V96), which the
     * PostgreSQL partial index {@code ix_lot_fefo_available} names instead of the quantities, so that an
     * allocation updates the lot row in place without writing to any index.
     */
    String AVAILABLE = " and stock_available";

    /**
     * SQL: not released on a concession ({@link org.lotflow.lot.Lot#isReleasedOnConcession}): such a lot is no FEFO
     * candidate, it is allocated only as a requested lot a QA manager approves (new user 2026-12-06 F17).
     */
    String NOT_CONCESSION = " and not released_on_concession";

    /** JPQL on {@code Lot l}: stock on hand ({@link org.lotflow.lot.LotQuantities#onHand()} &gt; 0). */
    String ON_HAND = "l.quantity - l.shipped - l.consumed - l.disposed > 0";

    /** A JPQL string, not a derived query: Hibernate 6.6 caches its plan, not a derived query's criteria (issue #11). */
    @Query("select l from Lot l where l.lotNumber = :lotNumber")
    Optional<Lot> findByLotNumber(@Param("lotNumber") String lotNumber);

    /**
     * The lot whose number is {@code lotNumber} whatever its case (lot numbers are unique whatever their case, V122):
     * what a person typing "rm-2025-015" means.
     */
    @Query("select l from Lot l where upper(l.lotNumber) = upper(:lotNumber)")
    Optional<Lot> findByLotNumberIgnoringCase(@Param("lotNumber") String lotNumber);

    @Query("select count(l) > 0 from Lot l where l.lotNumber = :lotNumber")
    boolean existsByLotNumber(String lotNumber);

    /**
     * The lot number taken by a lot whose number differs from {@code lotNumber} at most in case, if any: lot numbers
     * are unique whatever their case (V122; auditor 2026-12-05 F4). PostgreSQL answers from the expression index.
     */
    @Query(value = "select lot_number from lot where upper(lot_number) = upper(:lotNumber)", nativeQuery = true)
    Optional<String> findLotNumberIgnoringCase(@Param("lotNumber") String lotNumber);

    /** The ids of the lots with these numbers, as stored (id, lot number), in no order. */
    @Query("select l.id, l.lotNumber from Lot l where l.lotNumber in :numbers")
    List<Object[]> findIdsByLotNumberIn(@Param("numbers") java.util.Collection<String> numbers);

    /** The stored numbers of the lots whose upper-case number is one of {@code upperNumbers} (the V122 index). */
    @Query(value = "select lot_number from lot where upper(lot_number) in (:upperNumbers)", nativeQuery = true)
    List<String> findLotNumbersByUpperCase(@Param("upperNumbers") List<String> upperNumbers);


    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lot l where l.lotNumber in :numbers order by l.id")
    List<Lot> lockAllByLotNumber(@Param("numbers") List<String> numbers);

    /**
     * The ids of a product's RELEASED lots with stock available ({@link org.lotflow.lot.LotQuantities#available()}
     * &gt; 0: {@code quantity > allocated + shipped + consumed + disposed}) expiring on or after
     * {@code earliestExpiration}, in FEFO order, at most {@code limit}; the lot {@code excludeLotId} left out
     * (-1: none). No lock. On PostgreSQL the partial index {@code ix_lot_fefo_available} (its predicate:
     * {@code status = 'RELEASED' and stock_available}, which the query repeats so the planner may use it)
     * holds these lots, so fully allocated lots cost nothing.
     */
    @Query(value = "select id from lot where product_id = :productId and status = 'RELEASED'"
            + AVAILABLE + NOT_CONCESSION
            + " and expiration_date >= :earliestExpiration"
            + " and id <> :excludeLotId order by expiration_date, manufacture_date, lot_number limit :limit",
            nativeQuery = true)
    List<Long> findFefoCandidateIds(@Param("productId") Long productId,
            @Param("earliestExpiration") java.time.LocalDate earliestExpiration,
            @Param("excludeLotId") Long excludeLotId, @Param("limit") int limit);

    /**
     * {@link #findFefoCandidateIds} with each lot's available stock as read now, rows {@code (id, available)}. No lock:
     * for choosing which lots to lock, all at once in ascending id order ({@code FefoCandidates}).
     */
    @Query(value = "select id, quantity - allocated - shipped - consumed - disposed from lot where product_id = :productId"
            + " and status = 'RELEASED'" + AVAILABLE + NOT_CONCESSION
            + " and expiration_date >= :earliestExpiration"
            + " and id <> :excludeLotId order by expiration_date, manufacture_date, lot_number limit :limit",
            nativeQuery = true)
    List<Object[]> findFefoCandidateStock(@Param("productId") Long productId,
            @Param("earliestExpiration") java.time.LocalDate earliestExpiration,
            @Param("excludeLotId") Long excludeLotId, @Param("limit") int limit);

    /**
     * A product's RELEASED lots, not released on a concession, with stock on hand ({@code quantity - shipped - consumed
     * - disposed > 0}: free or allocated) that expire on or after {@code earliestExpiration} and strictly before
     * {@code expiringBefore}, in FEFO order, at most {@code limit}; rows {@code (id, lot_number, manufacture_date,
     * expiration_date, available, allocated)}, each read from one row version (the allocated and the free stock of a
     * lot are never read at two moments). No lock: what a shipment of a newer lot would leave behind (re-test N4).
     */
    @Query(value = "select id, lot_number, manufacture_date, expiration_date,"
            + " quantity - allocated - shipped - consumed - disposed, allocated from lot where product_id = :productId"
            + " and status = 'RELEASED'" + NOT_CONCESSION
            + " and quantity - shipped - consumed - disposed > 0"
            + " and expiration_date >= :earliestExpiration and expiration_date < :expiringBefore"
            + " order by expiration_date, manufacture_date, lot_number limit :limit", nativeQuery = true)
    List<Object[]> findOlderStockOnHand(@Param("productId") Long productId,
            @Param("earliestExpiration") java.time.LocalDate earliestExpiration,
            @Param("expiringBefore") java.time.LocalDate expiringBefore, @Param("limit") int limit);

    /**
     * Like {@link #findFefoCandidateIds} but the lots themselves, and only those FEFO takes before the
     * sort key ({@code expiration, manufacture, lotNumber}) of another lot. No lock.
     */
    @Query(value = "select * from lot where product_id = :productId and status = 'RELEASED'"
            + AVAILABLE + NOT_CONCESSION
            + " and expiration_date >= :earliestExpiration"
            + " and (expiration_date, manufacture_date, lot_number) < (:expiration, :manufacture, :lotNumber)"
            + " order by expiration_date, manufacture_date, lot_number limit :limit", nativeQuery = true)
    List<Lot> findFefoCandidatesBefore(@Param("productId") Long productId,
            @Param("earliestExpiration") java.time.LocalDate earliestExpiration,
            @Param("expiration") java.time.LocalDate expiration, @Param("manufacture") java.time.LocalDate manufacture,
            @Param("lotNumber") String lotNumber, @Param("limit") int limit);

    /**
     * Lots with stock on hand ({@link org.lotflow.lot.LotQuantities#onHand()} &gt; 0:
     * {@code quantity - shipped - consumed - disposed > 0}) in PENDING, RELEASED, QUARANTINE or EXPIRED whose
     * expiration date is on or before {@code until}, in FEFO order. No lock.
     */
    @Query("select l from Lot l where l.expirationDate <= :until and l.status in (org.lotflow.lot.LotStatus.PENDING,"
            + " org.lotflow.lot.LotStatus.RELEASED, org.lotflow.lot.LotStatus.QUARANTINE,"
            + " org.lotflow.lot.LotStatus.EXPIRED) and " + ON_HAND
            + " order by l.expirationDate, l.manufactureDate, l.lotNumber")
    List<Lot> findOnHandExpiringBy(@Param("until") java.time.LocalDate until);

    /**
     * A product's lots but ARCHIVED ones with stock on hand ({@link org.lotflow.lot.LotQuantities#onHand()}
     * &gt; 0: {@code quantity - shipped - consumed - disposed > 0}). No lock.
     */
    @Query("select l from Lot l where l.product.id = :productId and l.status <> org.lotflow.lot.LotStatus.ARCHIVED"
            + " and " + ON_HAND)
    List<Lot> findOnHandOfProduct(@Param("productId") Long productId);

    /** Ids of the RELEASED and QUARANTINE lots expired on {@code today} ({@code expirationDate <= today}), ascending. */
    @Query("select l.id from Lot l where l.expirationDate <= :today and l.status in"
            + " (org.lotflow.lot.LotStatus.RELEASED, org.lotflow.lot.LotStatus.QUARANTINE) order by l.id")
    List<Long> findIdsDueToExpire(@Param("today") java.time.LocalDate today);

}
