package org.lotflow.lot.internal.web;

import java.math.BigDecimal;

import org.lotflow.lot.LotDisposal;
import org.lotflow.lot.internal.LotQueries;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.lotflow.shared.input.Quantity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/lots/{lotNumber}/disposals}: records that (part of) an EXPIRED lot's stock on hand was destroyed or
 * returned to its supplier (the seed's expiration management, "Dispose expired inventory"; audit 26 F4). The rule is
 * {@link LotDisposal#disposeExpired}'s; this is its HTTP surface.
 *
 * <pre>
 * POST /api/lots/ARC-2025-004/disposals   (qa-manager or production)
 * {"quantity": 4, "disposalMethod": "DESTROYED", "disposalReference": "WM-2025-0107"}
 * -&gt; 201 {"quantity": 4, "unit": "drums", "disposalMethod": "DESTROYED", "disposalReference": "WM-2025-0107",
 *          "lot": {lotNumber, status: "EXPIRED", quantity, available, ..., disposed, onHand, ...}}
 * </pre>
 *
 * The field names are those of the {@code confirmDisposal} form and the recall closing ({@code disposalMethod},
 * {@code disposalReference}). Errors (problem+json, nothing recorded): 400 naming {@code quantity} (missing, not
 * greater than 0, more than 3 decimal places, a part of a serialised lot), {@code disposalMethod} (missing, unknown,
 * REWORKED, RETURNED_TO_SUPPLIER of a lot made here) or {@code disposalReference} (more than 200 characters, not one
 * line); 403 outside {@code qa-manager} and {@code production} (administrators included); 404 for an unknown lot;
 * 409 when the lot is not EXPIRED or the quantity exceeds what is on hand (also when a disposal sent at the same time
 * took it first).
 */
@RestController
public class ExpiredDisposalController {

    private final LotDisposal disposal;
    private final LotQueries queries;

    public ExpiredDisposalController(LotDisposal disposal, LotQueries queries) {
        this.disposal = disposal;
        this.queries = queries;
    }

    /**
     * The body: {@code quantity} in the product's unit (required, at most 3 decimals), {@code disposalMethod}
     * ({@code DESTROYED} or {@code RETURNED_TO_SUPPLIER}), {@code disposalReference} (optional waste manifest or
     * return note).
     */
    public record DisposalRequest(@Quantity BigDecimal quantity, String disposalMethod, String disposalReference) {
    }

    /**
     * The answer: what was disposed of now ({@code quantity} in {@code unit}, {@code disposalMethod},
     * {@code disposalReference}) and the lot after it ({@link LotView}: {@code disposed}, {@code onHand},
     * {@code available} changed by the quantity).
     */
    public record DisposalAnswer(BigDecimal quantity, String unit, String disposalMethod, String disposalReference,
            LotView lot) {
    }

    @AllowedGroups(value = {Groups.QA_MANAGER, Groups.PRODUCTION}, work = "record a disposal of expired stock")
    @PostMapping("/api/lots/{lotNumber}/disposals")
    public ResponseEntity<DisposalAnswer> dispose(@PathVariable String lotNumber,
            @jakarta.validation.Valid @RequestBody DisposalRequest request) {
        LotDisposal.Disposed d = disposal.disposeExpired(lotNumber, request.quantity(), request.disposalMethod(),
                request.disposalReference());
        return ResponseEntity.status(HttpStatus.CREATED).body(new DisposalAnswer(d.quantity(), d.unit(),
                d.method().name(), d.reference(), LotView.of(d.lot(), queries.today(), null)));
    }
}
