package org.lotflow.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** What is made or bought: a SKU with its unit, shelf life, lot numbering and specification. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 1000)
    private String description;

    @Column(nullable = false, length = 32)
    private String unit;

    @Column(name = "shelf_life_months", nullable = false)
    private int shelfLifeMonths;

    @Column(name = "lot_number_pattern", nullable = false, length = 100)
    private String lotNumberPattern;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "receiving_status", nullable = false, length = 16)
    private ReceivingStatus receivingStatus = ReceivingStatus.PENDING;

    /** The GS1 GTIN as GTIN-14, or null ({@code V103__product_gtin.sql}). */
    @Column(length = 14, unique = true)
    private String gtin;

    /** What kind of goods ({@code V112__product_retention.sql}); decides the default retention. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProductCategory category = ProductCategory.INDUSTRIAL;

    /** Years beyond expiration the product's lot records are kept, or null for the category's default. */
    @Column(name = "retention_years")
    private Integer retentionYears;

    /** Whether each unit of the product carries a serial number within its lot ({@code V114__serials.sql}). */
    @Column(nullable = false)
    private boolean serialised;

    /** The pattern serials are generated from when a lot is made or received, or null: serials are registered. */
    @Column(name = "serial_pattern", length = 60)
    private String serialPattern;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "product_spec", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    private List<SpecLimit> specs = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected Product() {
    }

    public Product(String sku, String name, String description, String unit, int shelfLifeMonths,
            LotNumberPattern pattern, List<SpecLimit> specs, Instant createdAt, String createdBy) {
        this(sku, name, description, unit, shelfLifeMonths, pattern, specs, ReceivingStatus.PENDING, createdAt,
                createdBy);
    }

    /** A product whose received lots start in {@code receivingStatus} ({@link ReceivingStatus}). */
    public Product(String sku, String name, String description, String unit, int shelfLifeMonths,
            LotNumberPattern pattern, List<SpecLimit> specs, ReceivingStatus receivingStatus, Instant createdAt,
            String createdBy) {
        this.receivingStatus = receivingStatus == null ? ReceivingStatus.PENDING : receivingStatus;
        this.sku = sku;
        this.name = name;
        this.description = description;
        this.unit = unit;
        this.shelfLifeMonths = shelfLifeMonths;
        this.lotNumberPattern = pattern.pattern();
        this.specs = new ArrayList<>(specs);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getUnit() {
        return unit;
    }

    public int getShelfLifeMonths() {
        return shelfLifeMonths;
    }

    public LotNumberPattern getLotNumberPattern() {
        return LotNumberPattern.parse(lotNumberPattern);
    }

    /** The status a lot received from a supplier starts in ({@link ReceivingStatus}; default PENDING). */
    public ReceivingStatus getReceivingStatus() {
        return receivingStatus;
    }

    /**
     * The product's GS1 GTIN as GTIN-14 (a GTIN-8, -12 or -13 with leading zeros), or null when it has none: the
     * class of its lots in EPCIS documents is then an LGTIN ({@code https://id.gs1.org/01/{gtin}/10/{lot}}).
     */
    public String getGtin() {
        return gtin;
    }

    /** Gives the product its GTIN (a valid GTIN-14, {@link org.lotflow.shared.Gs1Keys#gtin14}), or none. */
    void setGtin(String gtin14) {
        this.gtin = gtin14;
    }

    /** What kind of goods the product is ({@link ProductCategory}; INDUSTRIAL unless set). */
    public ProductCategory getCategory() {
        return category;
    }

    /**
     * Years beyond a lot's expiration date its records are kept: the product's own retention, or its category's
     * default (the seed, "How long should I keep lot records?").
     */
    public int getRetentionYears() {
        return retentionYears != null ? retentionYears : category.defaultRetentionYears();
    }

    /** Whether the retention is the product's own (true) or its category's default (false). */
    public boolean hasOwnRetention() {
        return retentionYears != null;
    }

    /** The last day a lot expiring on {@code expirationDate} is kept in the active set: expiration + retention. */
    public java.time.LocalDate retainUntil(java.time.LocalDate expirationDate) {
        return expirationDate.plusYears(getRetentionYears());
    }

    /** Sets the category and own retention (null: the category's default); checked by {@link ProductService}. */
    void setRetention(ProductCategory category, Integer retentionYears) {
        this.category = category == null ? ProductCategory.INDUSTRIAL : category;
        this.retentionYears = retentionYears;
    }

    /**
     * Whether each unit carries a serial number within its lot (the seed, "products that require both lot and
     * serial tracking"): its lots hold whole units, one serial each, and every shipment names its serials. Set
     * when the product is created, never afterwards; false for every product made before serials existed.
     */
    public boolean isSerialised() {
        return serialised;
    }

    /**
     * The pattern a serialised product's serials are generated from when a lot is made or received ({@code {yyyy}}
     * and {@code {yy}}: the lot's year of manufacture, {@code {seq:N}}: the product's serial sequence, never reset),
     * or empty: the serials are registered in bulk ({@code POST /api/lots/{lotNumber}/serials}).
     */
    public Optional<LotNumberPattern> getSerialPattern() {
        return serialPattern == null ? Optional.empty() : Optional.of(LotNumberPattern.parse(serialPattern));
    }

    /** Makes the product serialised with an optional pattern; checked by {@link ProductService}. */
    void setSerialised(boolean serialised, LotNumberPattern pattern) {
        this.serialised = serialised;
        this.serialPattern = pattern == null ? null : pattern.pattern();
    }

    public List<SpecLimit> getSpecs() {
        return List.copyOf(specs);
    }

    public Optional<SpecLimit> spec(String test) {
        return specs.stream().filter(s -> s.getTest().equals(test)).findFirst();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
