package org.lotflow.console.internal.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.serial.SerialLedger;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/serials/{serial}}: where a serialised unit is (issue #16; new user 26 F5: a hospital calls about a
 * pump by its serial), as {@code GET /api/serials/{serial}} answers it: its product and lot, its status in words and,
 * once shipped, its customer and order. The lot list's "Lot number" box opens it for a serial that is no lot number
 * ({@link LotListPages}). A serial several products have is asked for its product. The serial module's read side
 * refuses it outside the business groups, as the API does.
 */
@Controller
class SerialPages {

    /** The products of a serial several products have, as {@link SerialLedger#find} names them in its refusal. */
    private static final Pattern SEVERAL = Pattern.compile("exists for products (.+); name one");

    private final SerialLedger ledger;

    SerialPages(SerialLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/console/serials/{serial}")
    String serial(@PathVariable String serial, @RequestParam(required = false) String sku, Model model,
            HttpServletResponse response) {
        model.addAttribute("serialText", serial);
        try {
            SerialLedger.SerialView view = ledger.find(serial.trim(), sku == null || sku.isBlank() ? null : sku);
            model.addAttribute("unit", view);
            model.addAttribute("where", where(view));
        } catch (InvalidInput e) {
            Matcher several = SEVERAL.matcher(e.getMessage() == null ? "" : e.getMessage());
            if (!"sku".equals(e.field()) || !several.find()) {
                throw e;
            }
            // the same serial on units of several products: which one is the caller's (the SKU on its label)
            response.setStatus(400);
            model.addAttribute("products", List.of(several.group(1).split(", ")));
        }
        return "console/serial";
    }

    /** Where the unit is, in a sentence: in stock, shipped to whom on which order, back, disposed of or used. */
    static String where(SerialLedger.SerialView s) {
        String shipped = s.customer() == null ? "" : "shipped to " + s.customer() + " on order " + s.orderNumber()
                + (s.shippedAt() == null ? "" : " on " + s.shippedAt());
        return switch (s.status()) {
            case IN_STOCK -> "In stock: at the plant, in lot " + s.lotNumber() + ".";
            case SHIPPED -> "Shipped: " + shipped.replaceFirst("^shipped ", "") + ".";
            case RETURNED -> "Back at the plant: " + (shipped.isEmpty() ? "it was shipped" : "it was " + shipped)
                    + " and came back under a recall; the recall's closing disposes of it.";
            case DISPOSED -> "Disposed of with its lot's stock (destroyed or returned to the supplier; the lot's"
                    + " history says which)" + (shipped.isEmpty() ? "." : "; it had been " + shipped + ".");
            case CONSUMED -> "Used: its lot was a source of another lot (the lot's page shows which).";
        };
    }
}
