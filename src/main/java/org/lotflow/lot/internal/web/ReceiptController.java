package org.lotflow.lot.internal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lotflow.lot.Lot;
import org.lotflow.lot.internal.LotQueries;
import org.lotflow.lot.Receiving;
import org.lotflow.shared.input.BusinessDate;
import org.lotflow.shared.input.Quantity;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/receipts} (contract; the seed's "Supplier receipts" and "mixed expiration dates in one
 * shipment"; FSMA 204 receiving, 21 CFR 1.1345): a supplier's delivery becomes one lot per line, each with one
 * expiration date.
 */
@RestController
@RequestMapping("/api/receipts")
public class ReceiptController {

    private final Receiving receiving;
    private final LotQueries queries;

    public ReceiptController(Receiving receiving, LotQueries queries) {
        this.receiving = receiving;
        this.queries = queries;
    }

    /**
     * One line of the delivery: {@code quantity} in the product's unit (positive, at most 3 decimals),
     * {@code expirationDate} (required: the supplier's, one per line), {@code manufactureDate} (optional; the
     * receipt date when absent, and the lot then shows {@code manufactureDateStated: false}).
     */
    public record ReceiptLineRequest(@NotNull @Quantity BigDecimal quantity,
            @NotNull @BusinessDate LocalDate expirationDate, @BusinessDate LocalDate manufactureDate) {
    }

    /**
     * The delivery: {@code sku} of a known product, {@code supplier} (at most 200 characters),
     * {@code supplierLotNumber} (the supplier's own lot number, at most 64), {@code receiptDate} (not in the
     * future), {@code location} (where it is stored, at most 200), {@code deliveryReference} (optional:
     * delivery note, bill of lading, at most 100), {@code lines} (1 to 100).
     */
    public record ReceiptRequest(@NotBlank String sku, @NotBlank @Size(max = 200) String supplier,
            @NotBlank @Size(max = 64) String supplierLotNumber, @NotNull @BusinessDate LocalDate receiptDate,
            @NotBlank @Size(max = 200) String location, @Size(max = 100) String deliveryReference,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull ReceiptLineRequest> lines, Boolean moreOfDelivery) {
    }

    /**
     * The answer: the lots created, one per line in the order of the lines, and {@code notice}: null, or why they were
     * received into QUARANTINE (earlier lots of the supplier lot RECALLED or REJECTED, named; audit 26b F1).
     */
    public record ReceiptView(List<LotView> lots, String notice) {
    }

    /**
     * Receives a supplier's delivery: 201 {@code {lots:[lot...]}} (each a {@link LotView} with {@code source}
     * RECEIPT, {@code supplier}, {@code supplierLotNumber}, {@code receiptDate}, {@code deliveryReference};
     * status PENDING and its lab release started, or QUARANTINE with its hold and investigation when the
     * product's {@code receivingStatus} is QUARANTINE, or when an earlier lot of the supplier lot is RECALLED, was
     * recalled, or was REJECTED: then {@code notice} names them and the recall or rejection, and each lot's hold gives
     * the same reason); {@code Location} is the first lot. All lines or none.
     * Refused with problem+json, nothing created: 400 naming the field (a field as {@code POST /api/lots}
     * refuses it, an unknown SKU, a receipt date in the future, a manufacture date after the receipt date, an
     * expiration date not after the receipt or manufacture date, two lines with the same expiration date:
     * {@code lines[i].expirationDate}), 403 outside production, 409 naming {@code supplier} for a supplier that
     * prints like another supplier on record but is other text (a Cyrillic "С" for a Latin "C"; capitals aside, the
     * same name is the same supplier), 409 naming {@code deliveryReference} for a delivery of the supplier lot received
     * before, unless {@code moreOfDelivery} is true (more of one delivery, received in several receipts).
     */
    @AllowedGroups(value = {Groups.PRODUCTION}, work = "receive a lot")
    @PostMapping
    public ResponseEntity<ReceiptView> receive(@Valid @RequestBody ReceiptRequest r) {
        Receiving.Received received = receiving.receiveDelivery(new Receiving.Delivery(r.sku(), r.supplier(), r.supplierLotNumber(),
                r.receiptDate(), r.location(), r.deliveryReference(), r.lines().stream()
                        .map(l -> new Receiving.ReceiptLine(l.quantity(), l.expirationDate(), l.manufactureDate()))
                        .toList(), Boolean.TRUE.equals(r.moreOfDelivery())));
        List<Lot> lots = received.lots();
        LocalDate today = queries.today();
        return ResponseEntity.created(URI.create("/api/lots/" + lots.get(0).getLotNumber()))
                .body(new ReceiptView(lots.stream().map(l -> LotView.of(l, today, null)).toList(),
                        received.notice()));
    }
}
