package org.lotflow.product.internal.web;

import org.lotflow.shared.input.MeasuredValue;
import org.lotflow.shared.input.Identifier;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/products} (contract): create a product with its lot number pattern and specification, read them. */
@RestController
@RequestMapping("/api/products")
public class ProductController {

    private final ProductService service;
    private final org.lotflow.security.CurrentUser currentUser;

    public ProductController(ProductService service, org.lotflow.security.CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    public record SpecRequest(@NotBlank @Size(max = 100) String test, @Size(max = 32) String unit,
            @MeasuredValue BigDecimal min, @MeasuredValue BigDecimal max) {
    }

    public record CreateProductRequest(
            @NotBlank @Identifier String sku,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String description,
            @NotBlank @Size(max = 32) String unit,
            @NotNull @Positive @Max(600) Integer shelfLifeMonths,
            @NotBlank String lotNumberPattern,
            @Size(max = 100) List<@Valid @NotNull SpecRequest> specs,
            org.lotflow.product.ReceivingStatus receivingStatus,
            @Size(max = 14) String gtin,
            org.lotflow.product.ProductCategory category,
            Integer retentionYears,
            Boolean serialised,
            @Size(max = 60) String serialPattern) {
    }

    public record SpecView(String test, String unit, BigDecimal min, BigDecimal max, String limits) {
    }

    /**
     * A product; {@code receivingStatus}: PENDING or QUARANTINE, the status its received lots start in;
     * {@code gtin}: its GS1 GTIN as GTIN-14 (14 digits, leading zeros added to a GTIN-8/12/13), left out when none;
     * {@code category}: FOOD, PHARMACEUTICAL or INDUSTRIAL; {@code retentionYears}: years beyond a lot's expiration
     * its records are kept (the product's own or the category's default: food 3, pharmaceutical 7, industrial 5,
     * the seed's "How long should I keep lot records?"); {@code retentionDefault}: true when it is the category's;
     * {@code serialised}: whether each unit carries a serial number within its lot; {@code serialPattern}: the
     * pattern its serials are generated from, left out when none (serials are then registered in bulk);
     * {@code createdBy}, {@code createdByName}, {@code createdAt}: who defined the product and its specification,
     * the acceptance criteria every lab result is judged against, and when (ISO instant; a product and its
     * specification are never changed after; 21 CFR 11.10(e), EU GMP Annex 11 §9; auditor 2026-12-06 G8).
     */
    public record ProductView(String sku, String name, String description, String unit, int shelfLifeMonths,
            String lotNumberPattern, List<SpecView> specs, org.lotflow.product.ReceivingStatus receivingStatus,
            String gtin, org.lotflow.product.ProductCategory category, int retentionYears, boolean retentionDefault,
            boolean serialised, String serialPattern, String createdBy, String createdByName,
            java.time.Instant createdAt) {

        static ProductView of(Product p, java.util.function.UnaryOperator<String> fullName) {
            return new ProductView(p.getSku(), p.getName(), p.getDescription(), p.getUnit(), p.getShelfLifeMonths(),
                    p.getLotNumberPattern().pattern(), p.getSpecs().stream()
                            .map(s -> new SpecView(s.getTest(), s.getUnit(), s.getMin(), s.getMax(), s.describe()))
                            .toList(), p.getReceivingStatus(), p.getGtin(),
                    p.getCategory(), p.getRetentionYears(), !p.hasOwnRetention(), p.isSerialised(),
                    p.getSerialPattern().map(org.lotflow.product.LotNumberPattern::pattern).orElse(null),
                    p.getCreatedBy(), p.getCreatedBy() == null ? null : fullName.apply(p.getCreatedBy()),
                    p.getCreatedAt());
        }
    }

    /**
     * {@code POST /api/products} (production): 201 with the product. {@code gtin} (optional): a GS1 GTIN-8, -12,
     * -13 or -14 with a valid check digit, answered as GTIN-14; a bad one is 400 naming {@code gtin}, one another
     * product carries 409. {@code category} (optional, default INDUSTRIAL): FOOD, PHARMACEUTICAL or INDUSTRIAL,
     * anything else 400 naming {@code category}; {@code retentionYears} (optional, default the category's): whole
     * years from 1 to 30 the lot records are kept beyond expiration, else 400 naming {@code retentionYears}.
     * {@code serialised} (optional, default false; issue #16, the seed's "products that require both lot and serial
     * tracking"): each unit carries a serial number within its lot, so lot quantities are whole units; fixed at
     * creation. {@code serialPattern} (optional, only with {@code serialised: true}): the pattern serials are
     * generated from, one per unit, when a lot is made or received (as {@code lotNumberPattern}: {@code {yyyy}},
     * {@code {yy}} the lot's year of manufacture, exactly one {@code {seq:N}}, the product's sequence, never reset;
     * literal letters, digits, '-', '_', '.'; serials at most 20 characters, GS1 AI 21); without it serials are
     * registered with {@code POST /api/lots/{lotNumber}/serials}. A bad pattern, or one without
     * {@code serialised: true}, is 400 naming {@code serialPattern}.
     */
    @AllowedGroups(value = {Groups.PRODUCTION}, work = "create a product and its specification")
    @PostMapping
    public ResponseEntity<ProductView> create(@Valid @RequestBody CreateProductRequest request) {
        Product product = service.create(new ProductService.NewProduct(request.sku(), request.name(),
                request.description(), request.unit(), request.shelfLifeMonths(), request.lotNumberPattern(),
                request.specs() == null ? List.of() : request.specs().stream()
                        .map(s -> new ProductService.SpecInput(s.test(), s.unit(), s.min(), s.max())).toList(),
                request.receivingStatus(), request.gtin(), request.category(), request.retentionYears(),
                request.serialised(), request.serialPattern()));
        return ResponseEntity.created(URI.create("/api/products/" + product.getSku())).body(ProductView.of(product, currentUser::fullName));
    }

    @GetMapping("/{sku}")
    public ProductView get(@PathVariable String sku) {
        return ProductView.of(service.get(sku), currentUser::fullName);
    }

    @GetMapping
    public List<ProductView> list() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        return service.list().stream().map(p -> ProductView.of(p, id -> names.computeIfAbsent(id,
                currentUser::fullName))).toList();
    }
}
