package org.lotflow.serial.internal.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lotflow.serial.SerialLedger;
import org.lotflow.serial.SerialRegistration;
import org.lotflow.serial.SerialStatus;
import org.lotflow.shared.InvalidInput;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serials within lots (issue #16; the seed's "products that require both lot and serial tracking"; contract:
 * {@code GET /api/serials/{serial}}): a serial's lot, status and customer, a lot's serials, and production's bulk
 * registration. Errors are RFC 9457 problem+json naming the field.
 */
@RestController
public class SerialController {

    private final SerialLedger ledger;
    private final SerialRegistration registration;

    public SerialController(SerialLedger ledger, SerialRegistration registration) {
        this.ledger = ledger;
        this.registration = registration;
    }

    /**
     * {@code GET /api/serials/{serial}?sku=} (business groups): {@code {serial, sku, productName, lotNumber,
     * lotStatus, status (IN_STOCK|SHIPPED), registeredAt, registeredBy, customer?, orderNumber?, shippedAt?}}; the
     * last three once shipped. Serials are unique per product: {@code sku} may be left out unless the serial exists
     * for several products (then 400 naming {@code sku}). 400 naming {@code serial} for text that is no serial (1 to
     * 20 letters, digits, '-', '_', '.'), {@code sku} for an unknown product; 403 outside the business groups; 404
     * for no such serial.
     */
    @GetMapping("/api/serials/{serial}")
    public SerialLedger.SerialView get(@PathVariable String serial, @RequestParam(required = false) String sku) {
        return ledger.find(serial, sku);
    }

    /**
     * {@code GET /api/lots/{lotNumber}/serials?status=&size=&cursor=} (business groups): {@code {lotNumber, sku,
     * serialised, quantity, counts:{IN_STOCK, SHIPPED}, items:[{serial, status, customer?, orderNumber?,
     * shippedAt?}], nextCursor?}} in registration order; {@code status} IN_STOCK or SHIPPED (else 400 naming
     * {@code status}), {@code size} 1 to 5,000 (default 500), {@code cursor} the previous page's {@code nextCursor}.
     * 404 for an unknown lot.
     */
    @GetMapping("/api/lots/{lotNumber}/serials")
    public SerialLedger.LotSerials ofLot(@PathVariable String lotNumber,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return ledger.ofLot(lotNumber, status(status), size == null ? 500 : size, cursor);
    }

    private static SerialStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SerialStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be IN_STOCK or SHIPPED, was '" + status + "'");
        }
    }

    /** The serials to register: 1 to 10,000 (lotflow.serials.max-per-request) serial numbers. */
    public record RegisterRequest(@NotNull List<String> serials) {
    }

    /**
     * {@code POST /api/lots/{lotNumber}/serials} (production; 403 otherwise) with {@code {serials:[...]}}: registers
     * the serials of a serialised product's lot (one per unit; a product with a serial pattern has them generated
     * when the lot is made or received). 201 {@code {lotNumber, sku, serials, serialsInLot, lotUnits}}. All or
     * nothing; refused with problem+json: 400 naming {@code serials} (none, more than 10,000) or
     * {@code serials[i]} (not a serial: 1 to 20 letters, digits, '-', '_', '.'; listed twice); 404 for an unknown
     * lot; 409 for a product that is not serialised, a lot not PENDING, RELEASED or QUARANTINE, more serials than
     * the lot has units (naming {@code serials}), a serial the product already has (naming {@code serials[i]} and
     * its lot; unique per product by a database key, so a concurrent registration loses with 409 too).
     */
    @AllowedGroups(value = {Groups.PRODUCTION}, work = "register serials")
    @PostMapping("/api/lots/{lotNumber}/serials")
    public ResponseEntity<SerialRegistration.Registered> register(@PathVariable String lotNumber,
            @Valid @RequestBody RegisterRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registration.register(lotNumber, request.serials()));
    }
}
