package org.lotflow.lot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lotflow.lot.internal.LotRepository;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's use cases for other modules: create a lot ({@link LotCreation}), move it through its
 * lifecycle ({@link LotStatusChange}), lock it for a change and find it. Quantities are changed only
 * through {@link LotStock}.
 */
@Service
public class LotService {

    private final LotRepository lots;
    private final LotCreation creation;
    private final LotStatusChange statusChange;
    private final CurrentUser currentUser;
    private final UnfitMaterial unfitMaterial;
    @PersistenceContext
    private EntityManager entityManager;

    public LotService(LotRepository lots, LotCreation creation, LotStatusChange statusChange,
            CurrentUser currentUser, UnfitMaterial unfitMaterial) {
        this.lots = lots;
        this.unfitMaterial = unfitMaterial;
        this.creation = creation;
        this.statusChange = statusChange;
        this.currentUser = currentUser;
    }

    /** A source lot of a new lot and the quantity consumed from it, in the source's product unit. */
    public record SourceLotInput(String lotNumber, BigDecimal quantity) {
    }

    /**
     * Where a received lot came from (FSMA 204 receiving KDEs, 21 CFR 1.1345): the supplier (the immediate
     * previous source), the supplier's own lot number and the delivery reference (the reference document;
     * optional), and whether the supplier stated the lot's manufacture date ({@code false}: the receipt date stands in
     * for it, and every screen says so). {@code unfitSupplierLot}: null, or the sentence saying which earlier lots of
     * the same supplier lot were RECALLED or REJECTED (archived since or not) or are held by QA ({@link Receiving},
     * {@link org.lotflow.lot.internal.SupplierLotRules}); such a lot is received into quarantine, its hold giving that
     * sentence as its reason (audit 26b F1, audit 27 F1 and F2).
     */
    public record Receipt(String supplier, String supplierLotNumber, String deliveryReference,
            boolean manufactureDateStated, String unfitSupplierLot) {

        /** A receipt of a supplier lot none of whose earlier lots was recalled or rejected or is held by QA. */
        public Receipt(String supplier, String supplierLotNumber, String deliveryReference,
                boolean manufactureDateStated) {
            this(supplier, supplierLotNumber, deliveryReference, manufactureDateStated, null);
        }

        /** A receipt whose manufacture date the supplier stated. */
        public Receipt(String supplier, String supplierLotNumber, String deliveryReference) {
            this(supplier, supplierLotNumber, deliveryReference, true);
        }
    }

    /**
     * A new lot: its product's SKU, quantity in the product's unit, dates (expiration null: from the
     * product's shelf life), location, lot number (null: the product's pattern), production order,
     * source lots (genealogy), source (null: PRODUCTION) and, for source {@link LotSource#RECEIPT} (and only
     * then), the {@link Receipt}.
     */
    public record NewLot(String sku, BigDecimal quantity, LocalDate manufactureDate, LocalDate receiptDate,
            String location, String lotNumber, LocalDate expirationDate, String productionOrder,
            List<SourceLotInput> sourceLots, LotSource source, Receipt receipt) {

        /** A lot that is not received from a supplier. */
        public NewLot(String sku, BigDecimal quantity, LocalDate manufactureDate, LocalDate receiptDate,
                String location, String lotNumber, LocalDate expirationDate, String productionOrder,
                List<SourceLotInput> sourceLots, LotSource source) {
            this(sku, quantity, manufactureDate, receiptDate, location, lotNumber, expirationDate, productionOrder,
                    sourceLots, source, null);
        }
    }

    /**
     * Creates a lot in {@code PENDING}, consumes its source lots and publishes {@link LotCreated}
     * (which starts the lab release, or for a lot that starts in quarantine places its hold) in the same
     * transaction: all of it happens, or none. Refused: a caller outside production (403), an unknown SKU,
     * impossible dates, a source lot listed twice or unknown, a RECEIPT lot without its {@link Receipt} or a
     * receipt on another source, a REPACKAGING lot without source lots or with an expiration date later than its
     * earliest source's (400), a lot number taken or a source lot not released or expired (409). A REPACKAGING lot
     * given no expiration date takes the earliest source's when its shelf life would give a later one (repacking does
     * not renew shelf life; {@link org.lotflow.lot.internal.NewLotRules#repackedExpiration}).
     */
    @Transactional
    public Lot create(NewLot in) {
        return creation.create(in);
    }

    /**
     * Moves a lot through its lifecycle (409 if the lifecycle forbids it), writes the history
     * event and publishes {@link LotStatusChanged}. The acting user is the thread's identity.
     */
    @Transactional
    public Lot changeStatus(Long lotId, LotStatus next, String reason) {
        return changeStatus(get(lotId), next, reason);
    }

    /** Same as {@link #changeStatus(Long, LotStatus, String)} for a lot already loaded (and locked). */
    @Transactional
    public Lot changeStatus(Lot lot, LotStatus next, String reason) {
        return changeStatus(lot, next, reason, Map.of());
    }

    /** Same, with details for the history event. */
    @Transactional
    public Lot changeStatus(Lot lot, LotStatus next, String reason, Map<String, ?> detail) {
        return changeStatus(lot, next, reason, detail, currentUser.id());
    }

    /**
     * Status change on behalf of a named user: a process step run by the job executor records the
     * person whose decision it carries out (the approver of a release, say), not "system".
     */
    @Transactional
    public Lot changeStatus(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser) {
        return statusChange.change(lot, next, reason, detail, byUser);
    }

    /**
     * A status change carrying out a QA manager's signed quarantine disposition of a hold still open on the lot, on
     * behalf of the signer: as {@link #changeStatus(Lot, LotStatus, String, Map, String)}, and it may also take the
     * one step only such a disposition takes, EXPIRED -> REJECTED ({@link LotStatus#canBecomeBySignedDisposition}; a
     * lot expired while held, before the expiry run left held lots in QUARANTINE: audit 26 F3). The quarantine
     * module's outcome step is its only caller; it has checked the hold's signature.
     */
    @Transactional
    public Lot changeStatusBySignedDisposition(Lot lot, LotStatus next, String reason, Map<String, ?> detail,
            String signer) {
        return statusChange.change(lot, next, reason, detail, signer, true);
    }

    /**
     * Locks the lot's row for a state change and re-reads it under that lock (PostgreSQL and H2:
     * {@code SELECT ... FOR UPDATE}): a change waits for whoever holds the row (a shipment, an
     * allocation) and then works on the state that one committed, never on a copy read before the
     * lock, which would fail the version check as a "concurrent modification". Issue 9: a hold placed
     * during a shipment waits and wins.
     */
    @Transactional(readOnly = true)
    public Lot lockForChange(Lot lot) {
        // the row lock first (no version check: the copy in hand may be older than the row), then the row
        // as it is now, which nobody else can change while we hold the lock
        entityManager.createNativeQuery("SELECT id FROM lot WHERE id = ? FOR UPDATE").setParameter(1, lot.getId())
                .getResultList();
        if (entityManager.contains(lot)) {
            entityManager.refresh(lot);
            return lot;
        }
        return entityManager.find(Lot.class, lot.getId());
    }

    /**
     * Refuses (409 {@link SourceLotUnfit}) to go on with a release of a lot made from material that is not fit for use
     * ({@link UnfitSource}: RECALLED, held in QUARANTINE or REJECTED), at any depth, or of a lot received PENDING whose
     * sibling of its supplier lot is so ({@link UnfitSource#sibling}; {@link UnfitMaterial}): called where a release is signed
     * (lab approval, out-of-specification release, disposition RELEASE), before the signature is written. The status
     * change to RELEASED checks again under the lot's row lock.
     */
    @Transactional(readOnly = true)
    public void requireFitSources(Lot lot) {
        List<UnfitSource> unfit = unfitMaterial.find(lot);
        if (!unfit.isEmpty()) {
            throw new SourceLotUnfit(lot.getLotNumber(), unfit);
        }
    }

    /**
     * What {@link #requireFitSources} would refuse, as its sentence, without refusing (a form saying ahead why a
     * release would be refused; a refusal thrown through this transactional method would mark the caller's transaction
     * for rollback), or null.
     */
    @Transactional(readOnly = true)
    public String unfitSourceRefusal(Lot lot) {
        List<UnfitSource> unfit = unfitMaterial.find(lot);
        return unfit.isEmpty() ? null : new SourceLotUnfit(lot.getLotNumber(), unfit).getMessage();
    }

    /**
     * The lots this lot was made from, at any depth, that are not fit for use (empty when none), read under the lot's
     * row lock and its sources' ({@code SELECT ... FOR UPDATE}, held until the transaction ends): a recall opening
     * locks its scope first, and a hold or rejection of a source locks that source, so the answer holds until this
     * transaction commits; a hold committing at the same moment is waited for, and one after it names this lot in its
     * impact assessment among those made from the held lot.
     */
    @Transactional
    public List<UnfitSource> lockAndFindUnfitSources(Lot lot) {
        return unfitMaterial.lockAndFind(lot);
    }

    /**
     * RELEASED on behalf of {@code byUser}, unless the lot is made from material not fit for use ({@link UnfitSource}):
     * then nothing changes and those sources are answered (empty: released). For a step that must choose another path
     * instead of refusing ({@code lotRelease}'s {@code releaseLot}); one check under the lot's row lock, as
     * {@link #changeStatus}. {@code concession}: released despite a confirmed out-of-specification result, so allocated
     * only as a requested lot ({@link Lot#isReleasedOnConcession}); false for a release on passing results, which
     * clears an earlier one.
     */
    @Transactional
    public List<UnfitSource> releaseUnlessMadeFromUnfit(Lot lot, String reason, Map<String, ?> detail, String byUser,
            boolean concession) {
        return statusChange.releaseUnlessMadeFromUnfit(lot, reason, detail, byUser, concession);
    }

    /**
     * The lot with this number, also when typed in another case ("rm-2025-015": lot numbers are unique whatever their
     * case, so it names one lot; new user's test 2026-12-05 U20); 404 when there is none.
     */
    public Lot get(String lotNumber) {
        // case folded only within a lot number's own alphabet: a Turkish dotless i upper-cases to I, and would open
        // IL250-... (re-test 2026-12-06 R5)
        return lots.findByLotNumber(lotNumber).or(() -> !LotStock.foldable(lotNumber) ? java.util.Optional.empty()
                : lots.findByLotNumberIgnoringCase(lotNumber)).orElseThrow(() -> new NotFound("Lot", lotNumber));
    }

    /** The lot with this id; 404 when there is none. */
    @Transactional(readOnly = true)
    public Lot get(Long lotId) {
        return lots.findById(lotId).orElseThrow(() -> new NotFound("Lot", String.valueOf(lotId)));
    }
}
