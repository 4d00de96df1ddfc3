package org.lotflow.lot;

import java.util.ArrayList;
import java.util.List;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.internal.GenealogyQueries;
import org.lotflow.lot.internal.LotRepository;
import org.lotflow.lot.internal.LotRowLocks;
import org.lotflow.lot.internal.SupplierLotRules;
import org.lotflow.shared.ClusterLock;
import org.springframework.stereotype.Service;

/**
 * The one answer to "what keeps this lot from being released?" ({@link UnfitSource}), for every release path
 * ({@link LotStatusChange}, {@link LotService#requireFitSources}, {@link LotService#unfitSourceRefusal},
 * {@link LotService#lockAndFindUnfitSources}): the lots it was made from, at any depth, that are RECALLED, held or
 * REJECTED ({@link GenealogyQueries#unfitSources}); and, for a lot received PENDING from a supplier (source
 * {@link LotSource#RECEIPT}), its siblings, the other lots of its supplier lot that are RECALLED (or recalled once),
 * REJECTED (or archived since from REJECTED) or held by QA now ({@link SupplierLotRules#unfitSiblings}): the rule by
 * which a new delivery of such a supplier lot is received into quarantine ({@link Receiving}), applied to a delivery
 * received PENDING before its sibling was found unfit (21 CFR 211.84(a), 211.87: a component's lot stays held until
 * QA approves it, and is re-examined when its fitness is in question). A lot released or held already is not looked
 * at this way: a QA manager's signed disposition of a held lot decides on the very question.
 */
@Service
class UnfitMaterial {

    private final GenealogyQueries genealogy;
    private final LotRepository lots;
    private final ClusterLock locks;
    private final LotRowLocks rowLocks;
    private final SupplierLotRules.Reasons reasons;

    UnfitMaterial(GenealogyQueries genealogy, LotRepository lots, ClusterLock locks, LotRowLocks rowLocks,
            LotHistory history) {
        this.genealogy = genealogy;
        this.lots = lots;
        this.locks = locks;
        this.rowLocks = rowLocks;
        this.reasons = new SupplierLotReasons(history);
    }

    /** The unfit sources and siblings of the lot, as they are now, without locks. */
    List<UnfitSource> find(Lot lot) {
        List<UnfitSource> unfit = new ArrayList<>(genealogy.unfitSources(lot.getId()));
        unfit.addAll(siblings(lot));
        return unfit;
    }

    /**
     * {@link #find} under locks held until the transaction ends: for a received lot first the supplier lot's lock that
     * its receipts take ({@link Receiving#supplierLotLock}: two releases of one supplier lot's lots, or a release and a
     * receipt, one after the other), then the lot's row and its sources' ({@link GenealogyQueries#lockAndFindUnfitSources}),
     * then its siblings' rows ({@code FOR UPDATE}, ascending id): a rejection, hold or recall of a sibling changes its
     * status under that sibling's row lock, so a release either sees it once it commits or makes it wait until the
     * release has committed (and the sibling's investigation then finds this lot RELEASED).
     */
    List<UnfitSource> lockAndFind(Lot lot) {
        boolean received = concernedBySiblings(lot);
        if (received) {
            locks.holdUntilCommitCreating(Receiving.supplierLotLock(lot.getSupplierLotNumber().trim()));
        }
        List<UnfitSource> unfit = new ArrayList<>(genealogy.lockAndFindUnfitSources(lot.getId()));
        if (received) {
            List<SupplierLotRules.Sibling> ofNumber = ofSupplierLot(lot);
            List<Long> ids = SupplierLotRules.checkedAgainst(delivery(lot, ofNumber), ofNumber).stream()
                    .map(SupplierLotRules.Sibling::id).filter(id -> id.longValue() != lot.getId()).toList();
            if (!ids.isEmpty()) {
                rowLocks.lock(ids);
            }
            // read again under the siblings' locks (a change committed while this waited is seen), unless none
            unfit.addAll(siblings(lot, ids.isEmpty() ? ofNumber : ofSupplierLot(lot)));
        }
        return unfit;
    }

    /** A lot received from a supplier and still PENDING its release. */
    private static boolean concernedBySiblings(Lot lot) {
        return lot.getSource() == LotSource.RECEIPT && lot.getStatus() == LotStatus.PENDING
                && lot.getSupplierLotNumber() != null && lot.getSupplier() != null;
    }

    private List<UnfitSource> siblings(Lot lot) {
        return concernedBySiblings(lot) ? siblings(lot, ofSupplierLot(lot)) : List.of();
    }

    /** The unfit siblings among {@code ofNumber}, the lots of the received lot's supplier lot. */
    private List<UnfitSource> siblings(Lot lot, List<SupplierLotRules.Sibling> ofNumber) {
        SupplierLotRules.Delivery delivery = delivery(lot, ofNumber);
        String supplierLot = SupplierLotRules.supplierLot(delivery);
        return SupplierLotRules.unfitSiblings(delivery, lot.getId(), ofNumber).stream().map(s -> {
            SupplierLotRules.Concern concern = SupplierLotRules.concern(s);
            LotStatus status = switch (concern) {
                case HELD -> LotStatus.QUARANTINE;
                case REJECTED -> LotStatus.REJECTED;
                default -> s.status();
            };
            return new UnfitSource(s.lotNumber(), status, concern == SupplierLotRules.Concern.RECALLED, supplierLot,
                    SupplierLotRules.siblingWords(delivery, s, reasons));
        }).toList();
    }

    private List<SupplierLotRules.Sibling> ofSupplierLot(Lot lot) {
        return lots.receivedOfSupplierLot(SupplierLotRules.key(lot.getSupplierLotNumber())).stream()
                .map(SupplierLotRules.Sibling::of).toList();
    }

    /** The lot's own delivery, as its row among the supplier lot's lots says it (its product by id, not loaded). */
    private static SupplierLotRules.Delivery delivery(Lot lot, List<SupplierLotRules.Sibling> ofNumber) {
        return ofNumber.stream().filter(s -> s.id() == lot.getId().longValue()).findFirst()
                .map(own -> new SupplierLotRules.Delivery(own.supplier(), own.supplierLotNumber(), own.productId(),
                        own.deliveryReference()))
                .orElseGet(() -> new SupplierLotRules.Delivery(lot.getSupplier(), lot.getSupplierLotNumber(), null,
                        lot.getDeliveryReference()));
    }
}
