package org.lotflow.lot;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.lotflow.lot.internal.LotRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's stock API: the one place where other modules find lots, lock them for a change and
 * change their quantities (allocated, shipped, disposed). No other module writes the {@code lot} table or
 * calls a lot's quantity methods (issue 10; the architecture test keeps it so).
 *
 * <p>Locks are row locks ({@code SELECT ... FOR UPDATE}) taken in ascending lot id order by every
 * writer, so concurrent writers queue and never deadlock. Every method joins the caller's transaction
 * ({@link Propagation#MANDATORY} for the writers: a lock outside a transaction would be released at
 * once). Quantities are in the product's unit. Allocating more than is available is refused
 * ({@link org.lotflow.shared.StateConflict}, 409) and changes nothing; so is giving back or shipping more
 * than is allocated (409 naming the lot and both quantities; callers move only their own allocations,
 * read under the same locks, so it means the lot changed under a caller that did not lock it). The
 * quantity rule is {@link LotQuantities}'s.
 */
@Service
public class LotStock {

    /** Ids per query of the reads by id (PostgreSQL allows 32767 parameters per statement). */
    private static final int CHUNK = 1000;

    private final LotRepository lots;

    private final jakarta.persistence.EntityManager em;
    private final org.lotflow.lot.internal.GenealogyQueries genealogyQueries;
    private final org.lotflow.lot.internal.LotRowLocks rowLocks;

    public LotStock(LotRepository lots, jakarta.persistence.EntityManager em,
            org.lotflow.lot.internal.GenealogyQueries genealogyQueries,
            org.lotflow.lot.internal.LotRowLocks rowLocks) {
        this.em = em;
        this.genealogyQueries = genealogyQueries;
        this.lots = lots;
        this.rowLocks = rowLocks;
    }

    /** The lot with this number, if any (no lock). */
    @Transactional(readOnly = true)
    public Optional<Lot> findByLotNumber(String lotNumber) {
        return lots.findByLotNumber(lotNumber);
    }

    /**
     * Each lot number as the lot stores it, whatever the case it was typed in (lot numbers are unique whatever their
     * case, V122: {@code rm-2025-015} is {@code RM-2025-015}), in the given order; a number no lot has is kept as
     * given, for its caller to say "no lot". For lot numbers in request bodies (source lots, a recall's lots, a
     * requested lot, a drill's lot), which the path's lookups already found whatever their case (auditor 2026-12-06
     * B2, new user P10).
     */
    @Transactional(readOnly = true)
    public List<String> asStored(List<String> lotNumbers) {
        return asStored(lots, lotNumbers);
    }

    /**
     * The lots received of one supplier lot (FSMA 204 traceability lot code of a received lot: the supplier's lot
     * number, 21 CFR 1.1320(b); trace29 F1): every lot whose supplier lot number reads as {@code supplierLotNumber}
     * ({@link org.lotflow.lot.internal.SupplierLotRules#key}: capitals, spaces and dashes aside, as receipts and the lot
     * list's {@code ?supplierLotNumber=} compare it; {@code ix_lot_supplier_lot_key_fefo}, V190), of {@code supplier}
     * when given (its name as receipts compare it, {@code PartyReadings.sameText}: two suppliers may use one code),
     * of every supplier when null; by lot number. Empty when none.
     */
    @Transactional(readOnly = true)
    public List<ReceivedLot> ofSupplierLot(String supplier, String supplierLotNumber) {
        return lots.receivedOfSupplierLot(org.lotflow.lot.internal.SupplierLotRules.key(supplierLotNumber)).stream()
                .map(org.lotflow.lot.internal.SupplierLotRules.Sibling::of)
                .filter(s -> supplier == null || org.lotflow.lot.internal.SupplierLotRules.sameSupplier(supplier, s))
                .map(s -> new ReceivedLot(s.id(), s.lotNumber(), s.supplier(), s.supplierLotNumber(), s.status()))
                .toList();
    }

    /** A lot received of a supplier lot ({@link #ofSupplierLot}): its id, number, supplier, supplier lot, status. */
    public record ReceivedLot(long id, String lotNumber, String supplier, String supplierLotNumber, LotStatus status) {
    }

    /**
     * Whether a typed lot number may be looked up whatever its case: it is written in a lot number's own alphabet
     * (ASCII letters, digits, {@code .}, {@code _}, {@code -}); a look-alike letter of another script (a Turkish
     * dotless i upper-cases to I) finds no lot (re-test 2026-12-06 R5).
     */
    public static boolean foldable(String lotNumber) {
        return lotNumber != null && lotNumber.matches("[A-Za-z0-9._-]{1,64}");
    }

    /**
     * The ids of the lots with these numbers as stored (exact), by number; numbers of no lot are left out. Read in
     * chunks of 1,000 (a recall's scope may name thousands of lots).
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> ids(Collection<String> lotNumbers) {
        List<String> distinct = lotNumbers.stream().distinct().toList();
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (int from = 0; from < distinct.size(); from += 1000) {
            lots.findIdsByLotNumberIn(distinct.subList(from, Math.min(distinct.size(), from + 1000)))
                    .forEach(r -> ids.put((String) r[1], ((Number) r[0]).longValue()));
        }
        return ids;
    }

    /** {@link #asStored(List)} on a repository, for the lot module's own use cases. */
    static List<String> asStored(LotRepository lots, List<String> lotNumbers) {
        List<String> upper = lotNumbers.stream().filter(LotStock::foldable)
                .map(n -> n.toUpperCase(java.util.Locale.ROOT)).distinct().toList();
        java.util.Map<String, String> stored = new java.util.HashMap<>();
        for (int from = 0; from < upper.size(); from += 1000) {
            lots.findLotNumbersByUpperCase(upper.subList(from, Math.min(upper.size(), from + 1000)))
                    .forEach(n -> stored.put(n.toUpperCase(java.util.Locale.ROOT), n));
        }
        return lotNumbers.stream().map(n -> !foldable(n) ? n : stored.getOrDefault(n.toUpperCase(java.util.Locale.ROOT),
                n)).toList();
    }

    /**
     * The lots with these ids that exist, each once, in no particular order (no lock). Lots this
     * transaction already holds are taken as they are, without a query (an order's view right after its
     * allocation, issue #11); the others are read in chunks.
     */
    @Transactional(readOnly = true)
    public List<Lot> findAllById(Collection<Long> ids) {
        return load(List.copyOf(new java.util.LinkedHashSet<>(ids)));
    }

    /**
     * The lot number of each lot with these ids (those that exist), by id: a projection, no lot is
     * loaded (the order module's ledgers keep lot ids; traces and recalls show numbers).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> lotNumbers(Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Map.of() : genealogyQueries.lotNumbers(ids);
    }

    /**
     * What lists (recall customers' deliveries, say) show of each lot with these ids, by id: a SQL
     * projection, no lot entity is loaded into the persistence context (issue #11: a recall's 19,000
     * notification tasks each loaded their customer's lots through Hibernate).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, LotLabel> labels(Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Map.of() : genealogyQueries.labels(ids);
    }

    /**
     * Locks the lots with these ids, in ascending id order (so concurrent writers never deadlock each
     * other), and returns those that exist in that order. The locks are plain SQL with the ids as one array
     * parameter ({@code LotRowLocks}), in chunks of {@value #CHUNK}; the lots are then read as entities,
     * those this transaction does not hold yet from the database under the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Lot> lockAll(Collection<Long> ids) {
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        List<Long> locked = new java.util.ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            locked.addAll(rowLocks.lock(sorted.subList(from, Math.min(sorted.size(), from + CHUNK))));
        }
        return locked.isEmpty() ? List.of() : load(locked);
    }

    /**
     * The lots with these distinct ids that exist, in that order: those this transaction holds as they are,
     * the others read in chunks of {@value #CHUNK}.
     */
    private List<Lot> load(List<Long> ids) {
        return em.unwrap(org.hibernate.Session.class).byMultipleIds(Lot.class).enableSessionCheck(true)
                .enableOrderedReturn(true).withBatchSize(CHUNK).multiLoad(ids).stream()
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Locks the lots with these numbers (those that exist), in ascending id order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Lot> lockAllByLotNumber(Collection<String> lotNumbers) {
        return lots.lockAllByLotNumber(List.copyOf(lotNumbers));
    }

    /**
     * The ids of a product's RELEASED lots with stock available that expire on or after
     * {@code earliestExpiration}, in FEFO order (expiration, manufacture, lot number), at most
     * {@code limit}, without {@code excludeLotId} (null: none). No lock: the allocator locks what it takes
     * ({@link #lockAll}) and judges the lots again under the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> fefoCandidateIds(Long productId, java.time.LocalDate earliestExpiration, Long excludeLotId,
            int limit) {
        return lots.findFefoCandidateIds(productId, earliestExpiration, excludeLotId == null ? -1L : excludeLotId,
                limit);
    }

    /** A lot's id and the stock it had available when read (no lock). */
    public record StockRead(Long id, BigDecimal available) {
    }

    /**
     * {@link #fefoCandidateIds} with the stock each lot had available when read, in FEFO order. No lock: the caller
     * chooses from it the lots to lock, then locks them all at once in ascending id order ({@link #lockAll}) and judges
     * them again under the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StockRead> fefoCandidateStock(Long productId, java.time.LocalDate earliestExpiration, Long excludeLotId,
            int limit) {
        return lots.findFefoCandidateStock(productId, earliestExpiration, excludeLotId == null ? -1L : excludeLotId,
                limit).stream().map(r -> new StockRead(((Number) r[0]).longValue(), r[1] instanceof BigDecimal b ? b
                        : new BigDecimal(r[1].toString()))).toList();
    }

    /**
     * A released lot's stock on hand as read at one moment (no lock): {@code available} free, {@code allocated} held by
     * open allocations (product unit).
     */
    public record StockOnHandRead(Long id, String lotNumber, java.time.LocalDate manufactureDate,
            java.time.LocalDate expirationDate, BigDecimal available, BigDecimal allocated) {
    }

    /**
     * The product's RELEASED lots (not released on a concession) with stock on hand, free or allocated, expiring on or
     * after {@code earliestExpiration} and strictly before {@code expiringBefore}, in FEFO order, at most
     * {@code limit}. No lock; each lot's free and allocated stock come from one read of its row. For a shipment of a
     * newer lot: the older stock it would leave behind (re-test N4).
     */
    @Transactional(readOnly = true)
    public List<StockOnHandRead> olderStockOnHand(Long productId, java.time.LocalDate earliestExpiration,
            java.time.LocalDate expiringBefore, int limit) {
        if (!earliestExpiration.isBefore(expiringBefore)) {
            return List.of();
        }
        return lots.findOlderStockOnHand(productId, earliestExpiration, expiringBefore, limit).stream()
                .map(r -> new StockOnHandRead(((Number) r[0]).longValue(), (String) r[1], date(r[2]), date(r[3]),
                        decimal(r[4]), decimal(r[5]))).toList();
    }

    private static java.time.LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) o;
    }

    private static BigDecimal decimal(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    /**
     * At most {@code limit} of the lots {@link #fefoCandidateIds} would give before {@code lot} (which FEFO
     * takes first instead of it), in FEFO order. No lock: for explaining an override, not for writing.
     */
    @Transactional(readOnly = true)
    public List<Lot> fefoCandidatesBefore(Lot lot, java.time.LocalDate earliestExpiration, int limit) {
        return lots.findFefoCandidatesBefore(lot.getProduct().getId(), earliestExpiration, lot.getExpirationDate(),
                lot.getManufactureDate(), lot.getLotNumber(), limit);
    }

    /** Reserves {@code quantity} of a locked lot's available stock for an order; 409 when less is available. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void allocate(Lot lot, BigDecimal quantity) {
        lot.allocate(quantity);
        lots.save(lot);
    }

    /** Gives {@code quantity} of a locked lot's allocation back to available stock; 409 when less is allocated. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deallocate(Lot lot, BigDecimal quantity) {
        lot.deallocate(quantity);
        lots.save(lot);
    }

    /** Turns {@code quantity} of a locked lot's allocation into shipped stock; 409 when less is allocated. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ship(Lot lot, BigDecimal quantity) {
        lot.ship(quantity);
        lots.save(lot);
    }

    /**
     * Takes {@code quantity} of a locked lot's shipped stock back on hand (goods a customer returned under a recall,
     * {@link LotReturns}); 409 when less is shipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receiveReturn(Lot lot, BigDecimal quantity) {
        lot.receiveReturn(quantity);
        lots.save(lot);
    }

    /**
     * Disposes of everything a locked lot has on hand (its destruction after rejection, issue #12): see
     * {@link LotQuantities#disposeOnHand()}. Afterwards available and on hand are 0 and {@code disposed}
     * holds what was on hand. Returns the quantity disposed of now, in the product's unit (0 when nothing
     * was left on hand). 409 ({@link org.lotflow.shared.StateConflict}, naming the lot and the quantity)
     * while stock of the lot is still allocated to orders, and nothing changes. The caller writes the
     * history event (who, how, where) and checks that the lot may be destroyed (a signed REJECT).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal dispose(Lot lot) {
        BigDecimal disposed = lot.dispose();
        lots.save(lot);
        return disposed;
    }

    /**
     * Disposes of {@code amount} of a lot's stock on hand, the rest staying on hand ({@link Lot#dispose(BigDecimal)},
     * {@link LotQuantities#dispose}), on the lot the caller holds locked ({@link LotService#lockForChange}). 409
     * ({@link org.lotflow.shared.StateConflict}) naming the lot, {@code onHand} and {@code requested} when
     * {@code amount} exceeds what is on hand, or while stock is allocated; nothing changes. The caller writes the
     * history event and checks that the lot may be disposed of (an EXPIRED lot: {@link LotDisposal#disposeExpired}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispose(Lot lot, BigDecimal amount) {
        lot.dispose(amount);
        lots.save(lot);
    }
}
