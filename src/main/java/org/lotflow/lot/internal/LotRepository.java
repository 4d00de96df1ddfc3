package org.lotflow.lot.internal;

import org.lotflow.lot.Lot;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code lot} table, inside the lot module only: other modules find, lock and change lots through
 * {@link org.lotflow.lot.LotStock} and {@link org.lotflow.lot.LotService}.
 */
public interface LotRepository extends JpaRepository<Lot, Long>, JpaSpecificationExecutor<Lot> {

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
}
