package org.lotflow.lot;

import org.lotflow.shared.StateConflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.lotflow.product.Product;

/**
 * A lot (batch): a quantity of one product sharing manufacture, expiry and quality. Its quantities
 * follow {@link LotQuantities} ({@code quantity = available + allocated + shipped + consumed + disposed},
 * in the product's unit), here and in database checks; the {@code version} column makes concurrent
 * writers collide instead of overwrite.
 */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lot_number", nullable = false, unique = true, length = 64)
    private String lotNumber;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal allocated = recorded(BigDecimal.ZERO);

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal shipped = recorded(BigDecimal.ZERO);

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal consumed = recorded(BigDecimal.ZERO);

    /** Disposed of after rejection (issue #12); see {@link LotQuantities#disposeOnHand()}. */
    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal disposed = recorded(BigDecimal.ZERO);

    @Column(name = "manufacture_date", nullable = false)
    private LocalDate manufactureDate;

    @Column(name = "receipt_date")
    private LocalDate receiptDate;

    @Column(name = "expiration_date", nullable = false)
    private LocalDate expirationDate;

    @Column(length = 200)
    private String location;

    @Column(name = "production_order", length = 64)
    private String productionOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private LotSource source;

    /** A received lot's supplier (FSMA 204 immediate previous source); null for lots made here. */
    @Column(length = 200)
    private String supplier;

    /** What the supplier prints as ({@code PartyNames.printsAs}): one supplier, one reading (V142). */
    @Column(name = "supplier_key", length = 800)
    private String supplierKey;

    /** The supplier's own lot number of a received lot. */
    @Column(name = "supplier_lot_number", length = 64)
    private String supplierLotNumber;

    /**
     * What the supplier lot number is compared by ({@code SupplierLotRules.key}: its letters and digits in capitals;
     * V189, re-test 27 R2): written whenever {@link #supplierLotNumber} is set.
     */
    @Column(name = "supplier_lot_key", length = org.lotflow.lot.internal.SupplierLotRules.MAX_KEY)
    private String supplierLotKey;

    /** The delivery's reference (delivery note, bill of lading, ASN): the receiving reference document. */
    @Column(name = "delivery_reference", length = 100)
    private String deliveryReference;

    /** Whether the supplier stated a received lot's manufacture date (false: the receipt date stands in; null: a lot
     * made here, or received before V137). */
    @Column(name = "manufacture_date_stated")
    private Boolean manufactureDateStated;

    /**
     * Released despite a confirmed out-of-specification result (V151): allocated only as a requested lot a QA manager
     * approves for its customer, never by automatic FEFO.
     */
    @Column(name = "released_on_concession", nullable = false)
    private boolean releasedOnConcession;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LotStatus status;

    /**
     * Whether the lot was ever RECALLED: kept when it is archived later, so nothing made from it is ever released
     * (auditor 2026-12-05 B9).
     */
    @Column(name = "recalled_once", nullable = false)
    private boolean recalledOnce;

    /**
     * The status the lot was archived from (REJECTED, EXPIRED, RECALLED or DEPLETED), null until it is ARCHIVED: its
     * losses keep counting under it in the cost-impact report (auditor 26b F4; V180).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "archived_from", length = 16)
    private LotStatus archivedFrom;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Version
    private long version;

    @OneToMany(mappedBy = "lot", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("id")
    private List<Genealogy> sources = new ArrayList<>();

    protected Lot() {
    }

    /**
     * A quantity as lotflow records it: 3 decimals ({@code 100} and {@code 100.0000} are {@code 100.000}), so that the
     * creation's answer and its sealed history event say what every later read says (auditor 2026-12-06 B1). A
     * value with more significant decimals is returned as it is: the input rules refuse it (400), never rounded.
     */
    public static BigDecimal recorded(BigDecimal quantity) {
        if (quantity == null || quantity.stripTrailingZeros().scale() > 3) {
            return quantity;
        }
        return quantity.setScale(3);
    }

    Lot(String lotNumber, Product product, BigDecimal quantity, LocalDate manufactureDate, LocalDate receiptDate,
            LocalDate expirationDate, String location, String productionOrder, LotSource source, Instant createdAt,
            String createdBy) {
        this.lotNumber = lotNumber;
        this.product = product;
        this.quantity = recorded(quantity);
        this.manufactureDate = manufactureDate;
        this.receiptDate = receiptDate;
        this.expirationDate = expirationDate;
        this.location = location;
        this.productionOrder = productionOrder;
        this.source = source;
        this.status = LotStatus.PENDING;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Records where a received lot came from (set once, as it is created). */
    void receivedFrom(String supplier, String supplierLotNumber, String deliveryReference,
            boolean manufactureDateStated) {
        this.supplier = supplier;
        this.supplierKey = org.lotflow.shared.input.PartyNames.printsAs(supplier);
        this.supplierLotNumber = supplierLotNumber;
        this.supplierLotKey = org.lotflow.lot.internal.SupplierLotRules.key(supplierLotNumber);
        this.deliveryReference = deliveryReference;
        this.manufactureDateStated = manufactureDateStated;
    }

    void addSource(Lot sourceLot, BigDecimal amount) {
        sourceLot.consume(amount);
        sources.add(new Genealogy(this, sourceLot, amount));
    }

    /** Changes the status if the lifecycle allows it; returns the previous status. */
    LotStatus transitionTo(LotStatus next) {
        return transitionTo(next, false);
    }

    /**
     * As {@link #transitionTo(LotStatus)}; {@code bySignedDisposition}: on a signed quarantine disposition of an open
     * hold, which may take the one more step {@link LotStatus#canBecomeBySignedDisposition} allows.
     */
    LotStatus transitionTo(LotStatus next, boolean bySignedDisposition) {
        if (!(bySignedDisposition ? status.canBecomeBySignedDisposition(next) : status.canBecome(next))) {
            throw new IllegalTransitionException(lotNumber, status, next);
        }
        LotStatus previous = status;
        status = next;
        if (next == LotStatus.RECALLED) {
            recalledOnce = true;
        }
        if (next == LotStatus.ARCHIVED) {
            archivedFrom = previous;
        }
        return previous;
    }

    /**
     * Back from ARCHIVED to the status an open recall took the lot in (RECALLED, or REJECTED kept in its scope), when
     * goods of it come back under that recall ({@link LotReturns}; auditor 26b F3: lots of an open recall archived
     * before archiving left them alone). Not a step of the lifecycle ({@link LotStatus}): only this path takes it.
     * Returns the previous status (ARCHIVED).
     */
    LotStatus reopenForRecall(LotStatus takenAs) {
        if (status != LotStatus.ARCHIVED || (takenAs != LotStatus.RECALLED && takenAs != LotStatus.REJECTED)) {
            throw new IllegalTransitionException(lotNumber, status, takenAs);
        }
        status = takenAs;
        if (takenAs == LotStatus.RECALLED) {
            recalledOnce = true;
        }
        return LotStatus.ARCHIVED;
    }

    /** The lot's quantities and their rule: the one place that computes available and on hand. */
    public LotQuantities quantities() {
        return new LotQuantities(quantity, allocated, shipped, consumed, disposed);
    }

    /** {@link LotQuantities#available()}: what is left to allocate. */
    public BigDecimal getAvailable() {
        return quantities().available();
    }

    /** {@link LotQuantities#onHand()}: what is still in the warehouse, allocated stock included. */
    public BigDecimal getOnHand() {
        return quantities().onHand();
    }

    private void apply(LotQuantities changed) {
        allocated = changed.allocated();
        shipped = changed.shipped();
        consumed = changed.consumed();
        disposed = changed.disposed();
    }

    /** Expired on its expiration date: {@code expirationDate <= today}, whatever the status says. */
    public boolean isExpiredOn(LocalDate today) {
        return !expirationDate.isAfter(today);
    }

    private void consume(BigDecimal amount) {
        requirePositive(amount);
        if (getAvailable().compareTo(amount) < 0) {
            // quantities as every page shows them, without trailing zeros (new user 2026-12-06 L2: "3000.000 gal")
            throw new StateConflict("Source lot " + lotNumber + " has only " + getAvailable().stripTrailingZeros()
                    .toPlainString() + " " + product.getUnit() + " available, " + amount.stripTrailingZeros()
                    .toPlainString() + " " + product.getUnit() + " requested")
                    .with("lotNumber", lotNumber).with("available", getAvailable());
        }
        apply(quantities().consume(amount));
    }

    /** Reserves available stock for an order. */
    void allocate(BigDecimal amount) {
        requirePositive(amount);
        if (getAvailable().compareTo(amount) < 0) {
            throw new StateConflict("Lot " + lotNumber + " has only " + getAvailable().stripTrailingZeros()
                    .toPlainString() + " available, " + amount.stripTrailingZeros().toPlainString() + " requested")
                    .with("lotNumber", lotNumber);
        }
        apply(quantities().allocate(amount));
    }

    /**
     * Gives an allocation back to available stock; {@link StateConflict} (409, naming the lot and both
     * quantities) when less than {@code amount} is allocated, and nothing changes.
     */
    void deallocate(BigDecimal amount) {
        requirePositive(amount);
        requireAllocated(amount, "given back to available stock");
        apply(quantities().deallocate(amount));
    }

    /**
     * Turns allocated stock into shipped stock; {@link StateConflict} (409, naming the lot and both
     * quantities) when less than {@code amount} is allocated, and nothing changes.
     */
    void ship(BigDecimal amount) {
        requirePositive(amount);
        requireAllocated(amount, "shipped");
        apply(quantities().ship(amount));
    }

    /**
     * Takes {@code amount} of shipped stock back on hand (a recalled lot's goods a customer returned, received at the
     * plant); {@link StateConflict} (409, naming the lot and both quantities) when less than {@code amount} is shipped,
     * and nothing changes.
     */
    void receiveReturn(BigDecimal amount) {
        requirePositive(amount);
        if (shipped.compareTo(amount) < 0) {
            throw new StateConflict("Lot " + lotNumber + " has only " + inUnit(shipped) + " shipped, so "
                    + inUnit(amount) + " cannot have come back").with("lotNumber", lotNumber)
                    .with("shipped", shipped).with("requested", amount);
        }
        apply(quantities().receiveReturn(amount));
    }

    /** Only what is allocated can leave the allocation: "Lot X has only 3 kg allocated, so 5 kg cannot be shipped". */
    private void requireAllocated(BigDecimal amount, String what) {
        if (allocated.compareTo(amount) < 0) {
            throw new StateConflict("Lot " + lotNumber + " has only " + inUnit(allocated) + " allocated, so "
                    + inUnit(amount) + " cannot be " + what)
                    .with("lotNumber", lotNumber).with("allocated", allocated).with("requested", amount);
        }
    }

    /** A quantity as a QA person reads it: {@code 1250.5 kg}, no trailing zeros, no exponent. */
    private String inUnit(BigDecimal amount) {
        String number = amount.stripTrailingZeros().toPlainString();
        return product == null || product.getUnit() == null ? number : number + " " + product.getUnit();
    }

    /**
     * Destroys everything on hand ({@link LotQuantities#disposeOnHand()}): available and on hand become 0,
     * {@code disposed} grows by what was on hand, which is returned (in the product's unit; 0 when nothing
     * was left). {@link StateConflict} (409, naming the lot) unless its status says it may never be sold
     * again ({@link LotStatus#mayBeDisposedOf()}) or while stock is still allocated to an order; then nothing
     * changes.
     */
    BigDecimal dispose() {
        requireDisposable();
        BigDecimal onHand = getOnHand();
        apply(quantities().disposeOnHand());
        return onHand;
    }

    /**
     * Disposes of {@code amount} of the stock on hand ({@link LotQuantities#dispose}): {@code disposed} grows by it,
     * available and on hand shrink by it; the rest stays on hand. Refused as {@link #dispose()} is (409 unless the
     * status allows a disposal, or while stock is allocated), and with 409 naming the lot, {@code onHand} and
     * {@code requested} when {@code amount} exceeds what is on hand (another disposal may have come first); then
     * nothing changes. {@code amount}: positive, in the product's unit (the caller has checked its form).
     */
    void dispose(BigDecimal amount) {
        requirePositive(amount);
        requireDisposable();
        BigDecimal onHand = getOnHand();
        if (amount.compareTo(onHand) > 0) {
            throw new StateConflict("Lot " + lotNumber + " has only " + inUnit(onHand) + " on hand, so "
                    + inUnit(amount) + " cannot be disposed of; nothing was recorded (the lot's history says what was"
                    + " disposed of before)").with("lotNumber", lotNumber).with("onHand", onHand)
                    .with("requested", amount);
        }
        apply(quantities().dispose(amount));
    }

    private void requireDisposable() {
        if (!status.mayBeDisposedOf()) {
            throw new StateConflict("Lot " + lotNumber + " is " + status + "; only a REJECTED, EXPIRED or RECALLED "
                    + "lot is disposed of").with("lotNumber", lotNumber).with("lotStatus", status.name());
        }
        if (allocated.signum() > 0) {
            throw new StateConflict("Lot " + lotNumber + " still has " + inUnit(allocated) + " allocated to orders; "
                    + "allocated stock cannot be disposed of")
                    .with("lotNumber", lotNumber).with("allocated", allocated);
        }
    }

    /**
     * Whether the lot was released despite a confirmed out-of-specification result (a QA manager's signed OOS release):
     * it goes to a customer only as a requested lot a QA manager approves, never by automatic FEFO.
     */
    public boolean isReleasedOnConcession() {
        return releasedOnConcession;
    }

    /** Marks how the lot's latest lab release was decided (a failed verdict released on a concession, or not). */
    void releasedOnConcession(boolean concession) {
        this.releasedOnConcession = concession;
    }

    /** Nothing is left on hand (nor reserved): everything was shipped, consumed or disposed of. */
    public boolean isFullyUsed() {
        return quantities().isUsedUp();
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    public Long getId() {
        return id;
    }

    public String getLotNumber() {
        return lotNumber;
    }

    public Product getProduct() {
        return product;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getAllocated() {
        return allocated;
    }

    public BigDecimal getShipped() {
        return shipped;
    }

    public BigDecimal getConsumed() {
        return consumed;
    }

    /** Disposed of after rejection (destroyed, returned to the supplier, reworked), in the product's unit. */
    public BigDecimal getDisposed() {
        return disposed;
    }

    public LocalDate getManufactureDate() {
        return manufactureDate;
    }

    /**
     * Whether the manufacture date is the receipt date standing in for one the supplier did not state (a received
     * lot only; false for lots received before lotflow recorded this, V137, whose manufacture date was taken as
     * recorded).
     */
    public boolean isManufactureDateAssumed() {
        return Boolean.FALSE.equals(manufactureDateStated);
    }

    public LocalDate getReceiptDate() {
        return receiptDate;
    }

    public LocalDate getExpirationDate() {
        return expirationDate;
    }

    public String getLocation() {
        return location;
    }

    public String getProductionOrder() {
        return productionOrder;
    }

    public LotSource getSource() {
        return source;
    }

    /** Whether the lot was received from a supplier ({@link LotSource#RECEIPT}), and so may be returned to one. */
    public boolean isReceived() {
        return source == LotSource.RECEIPT;
    }

    /** The supplier of a received lot ({@link LotSource#RECEIPT}); null otherwise. */
    public String getSupplier() {
        return supplier;
    }

    /** The supplier's own lot number of a received lot; null otherwise. */
    public String getSupplierLotNumber() {
        return supplierLotNumber;
    }

    /** The delivery reference of a received lot (delivery note, bill of lading); null when none was given. */
    public String getDeliveryReference() {
        return deliveryReference;
    }

    public LotStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }

    public List<Genealogy> getSources() {
        return List.copyOf(sources);
    }
}
