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

    Optional<Lot> findByLotNumber(String lotNumber);

    boolean existsByLotNumber(String lotNumber);

    /** Row locks in ascending id order, so concurrent writers never deadlock each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lot l where l.id in :ids order by l.id")
    List<Lot> lockAll(@Param("ids") List<Long> ids);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lot l where l.lotNumber in :numbers order by l.id")
    List<Lot> lockAllByLotNumber(@Param("numbers") List<String> numbers);

    /**
     * The released lots of a product, row-locked in ascending id order (added for FEFO allocation):
     * every allocator of a SKU locks the same rows in the same order, so concurrent orders queue up
     * instead of over-allocating, and can never deadlock each other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lot l where l.product.id = :productId and l.status = org.lotflow.lot.LotStatus.RELEASED"
            + " order by l.id")
    List<Lot> lockReleasedOfProduct(@Param("productId") Long productId);

    /**
     * Lots with stock on hand ({@code quantity - shipped - consumed > 0}) in PENDING, RELEASED, QUARANTINE
     * or EXPIRED whose expiration date is on or before {@code until}, in FEFO order. No lock.
     */
    @Query("select l from Lot l where l.expirationDate <= :until and l.status in (org.lotflow.lot.LotStatus.PENDING,"
            + " org.lotflow.lot.LotStatus.RELEASED, org.lotflow.lot.LotStatus.QUARANTINE,"
            + " org.lotflow.lot.LotStatus.EXPIRED) and l.quantity - l.shipped - l.consumed > 0"
            + " order by l.expirationDate, l.manufactureDate, l.lotNumber")
    List<Lot> findOnHandExpiringBy(@Param("until") java.time.LocalDate until);

    /** A product's lots but ARCHIVED ones with stock on hand ({@code quantity - shipped - consumed > 0}). No lock. */
    @Query("select l from Lot l where l.product.id = :productId and l.status <> org.lotflow.lot.LotStatus.ARCHIVED"
            + " and l.quantity - l.shipped - l.consumed > 0")
    List<Lot> findOnHandOfProduct(@Param("productId") Long productId);

    /** Ids of the RELEASED and QUARANTINE lots expired on {@code today} ({@code expirationDate <= today}), ascending. */
    @Query("select l.id from Lot l where l.expirationDate <= :today and l.status in"
            + " (org.lotflow.lot.LotStatus.RELEASED, org.lotflow.lot.LotStatus.QUARANTINE) order by l.id")
    List<Long> findIdsDueToExpire(@Param("today") java.time.LocalDate today);

    /** Id and lot number of the lots with these ids, without loading the lots (a projection). */
    @Query("select l.id, l.lotNumber from Lot l where l.id in :ids")
    List<Object[]> findLotNumbers(@Param("ids") java.util.Collection<Long> ids);
}
