package org.lotflow.lot.internal.web;

import org.lotflow.shared.input.Quantity;
import org.lotflow.shared.input.Identifier;
import org.lotflow.shared.input.BusinessDate;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotViewContributor;
import org.lotflow.lot.internal.LotQueries;
import org.lotflow.lot.internal.LotSearch;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/lots} (contract): create a lot, read one (with what other modules contribute, such as the
 * lab verdict), list them in FEFO order with a cursor, read a lot's history.
 */
@RestController
@RequestMapping("/api/lots")
public class LotController {

    private final LotService service;
    private final LotQueries queries;
    private final LotSearch search;
    private final List<LotViewContributor> contributors;

    public LotController(LotService service, LotQueries queries, LotSearch search,
            List<LotViewContributor> contributors) {
        this.service = service;
        this.queries = queries;
        this.search = search;
        this.contributors = contributors;
    }

    public record SourceLotRequest(@NotBlank @Identifier String lotNumber,
            @NotNull @Quantity BigDecimal quantity) {
    }

    /**
     * The body of {@code POST /api/lots}. {@code source}: PRODUCTION when left out; RECEIPT is refused (received
     * lots come through {@code POST /api/receipts}); REPACKAGING needs at least one of {@code sourceLots} (400 naming
     * {@code sourceLots}) and expires no later than the earliest of them (a later {@code expirationDate}: 400 naming
     * it; none given: the earliest source's date when the shelf life would give a later one).
     */
    public record CreateLotRequest(
            @NotBlank String sku,
            @NotNull @Quantity BigDecimal quantity,
            @NotNull @BusinessDate LocalDate manufactureDate,
            @BusinessDate LocalDate receiptDate,
            @Size(max = 200) String location,
            @Identifier String lotNumber,
            @BusinessDate LocalDate expirationDate,
            @Size(max = 64) String productionOrder,
            @Size(max = 100) List<@Valid @NotNull SourceLotRequest> sourceLots,
            LotSource source) {
    }

    @AllowedGroups(value = {Groups.PRODUCTION}, work = "create a lot")
    @PostMapping
    public ResponseEntity<LotView> create(@Valid @RequestBody CreateLotRequest r) {
        Lot lot = service.create(new LotService.NewLot(r.sku(), r.quantity(), r.manufactureDate(), r.receiptDate(),
                r.location(), r.lotNumber(), r.expirationDate(), r.productionOrder(),
                r.sourceLots() == null ? List.of() : r.sourceLots().stream()
                        .map(s -> new LotService.SourceLotInput(s.lotNumber(), s.quantity())).toList(),
                r.source()));
        // the answer names the source lots as the first read does, as stored (re-test 2026-12-06 R7)
        LotView created = LotView.of(lot, queries.today(), r.sourceLots() == null || r.sourceLots().isEmpty() ? null
                : queries.sourcesOf(lot.getId()));
        return ResponseEntity.created(URI.create("/api/lots/" + lot.getLotNumber())).body(created);
    }

    /**
     * {@code GET /api/lots/{lotNumber}}: the lot ({@link LotView}: quantities as decimals in the product's
     * unit, balancing by {@link org.lotflow.lot.LotQuantities}, {@code quantity = available + allocated +
     * shipped + consumed + disposed}, {@code onHand = available + allocated}), its source lots and what other
     * modules contribute (lab verdict, hold, recall). 404 problem+json for an unknown lot.
     */
    @GetMapping("/{lotNumber}")
    public LotView get(@PathVariable String lotNumber) {
        return view(service.get(lotNumber), true);
    }

    public record LotPage(List<LotView> items, String nextCursor) {
    }

    /**
     * {@code GET /api/lots?sku=&status=&expiringWithinDays=&supplierLotNumber=&size=&cursor=}:
     * {@code {items:[lot...], nextCursor}} in FEFO order, each item a {@link LotView} with the same quantities as
     * the single lot (without source lots and contributions). {@code supplierLotNumber}: the lots received
     * from a supplier under that supplier lot number, whatever its capitals, spaces and dashes ("gcb 25 0112"
     * finds GCB-25-0112, as receipts and releases compare supplier lots: {@code SupplierLotRules.key}). 400 for a bad filter, size or cursor.
     */
    @GetMapping
    public LotPage list(@RequestParam(required = false) String sku, @RequestParam(required = false) LotStatus status,
            @RequestParam(required = false) Integer expiringWithinDays,
            @RequestParam(required = false) String supplierLotNumber,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String cursor) {
        LotSearch.Page page = search.search(sku, status, expiringWithinDays, supplierLotNumber, size, cursor);
        return new LotPage(page.items().stream().map(l -> view(l, false)).toList(), page.nextCursor());
    }

    @GetMapping("/{lotNumber}/history")
    public List<LotHistory.Entry> history(@PathVariable String lotNumber) {
        return queries.history(lotNumber);
    }

    private LotView view(Lot lot, boolean detailed) {
        LotView view = LotView.of(lot, queries.today(), detailed ? queries.sourcesOf(lot.getId()) : null);
        if (detailed) {
            for (LotViewContributor c : contributors) {
                Map<String, Object> extra = c.contribute(lot);
                if (extra != null) {
                    view.extra().putAll(extra);
                }
            }
        }
        return view;
    }
}
