package org.lotflow.console.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.console.internal.LotMarks;
import org.lotflow.console.internal.process.OpenTasks;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotInventory;
import org.lotflow.lot.LotQuantities;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/lots}: the lot list (the seed's "Lot Inventory", FEFO order, the same search and cursor as
 * {@code GET /api/lots}), each lot with its marks ({@link LotMarks}); a lot number typed in its search opens the lot's
 * page ({@link LotPages}), a unit's serial typed there its serial's page ({@link SerialPages}). Split from {@link LotPages}.
 */
@Controller
class LotListPages {

    private final LotInventory inventory;
    private final LotService lots;
    private final OpenTasks openTasks;
    private final Clock clock;
    private final int alertDays;
    private final org.lotflow.product.ProductService products;
    private final org.lotflow.serial.SerialLedger serials;

    LotListPages(LotInventory inventory, LotService lots, OpenTasks openTasks, Clock clock,
            @Value("${lotflow.expiry.alert-days:90}") int alertDays, org.lotflow.product.ProductService products,
            org.lotflow.serial.SerialLedger serials) {
        this.products = products;
        this.serials = serials;
        this.inventory = inventory;
        this.lots = lots;
        this.openTasks = openTasks;
        this.clock = clock;
        this.alertDays = alertDays;
    }

    /** A row of the list: the lot's figures and its marks. */
    record Row(String lotNumber, String sku, String productName, String unit, String status,
            LotQuantities quantities, LocalDate manufactureDate, boolean manufactureDateAssumed,
            LocalDate expirationDate, String location, LotMarks.Marks marks) {
    }

    @GetMapping("/console/lots")
    String list(@RequestParam(required = false) String sku, @RequestParam(required = false) String status,
            @RequestParam(required = false) String expiringWithinDays,
            @RequestParam(required = false) String supplierLotNumber, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") String size, @RequestParam(required = false) String lotNumber,
            Model model, HttpServletResponse response) {
        model.addAttribute("lotNumber", lotNumber == null ? "" : lotNumber);
        if (!blank(lotNumber)) {
            // "who got batch X?" starts with its number: the lot's page, whatever the case typed (new user's U7)
            try {
                return "redirect:/console/lots/" + org.springframework.web.util.UriUtils.encodePathSegment(
                        lots.get(lotNumber.trim()).getLotNumber(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (org.lotflow.shared.NotFound e) {
                String serialPage = serialPage(lotNumber.trim());
                if (serialPage != null) {
                    return serialPage;
                }
                response.setStatus(404);
                model.addAttribute("lotNotFound", "There is no lot or serial '" + lotNumber.trim() + "'. Check the number on the"
                        + " label or document (a letter O and a zero, or I and 1, look alike); the list below shows"
                        + " every lot");
            }
        }
        model.addAttribute("sku", sku == null ? "" : sku);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("expiringWithinDays", expiringWithinDays == null ? "" : expiringWithinDays);
        model.addAttribute("supplierLotNumber", supplierLotNumber == null ? "" : supplierLotNumber);
        model.addAttribute("statuses", LotStatus.values());
        model.addAttribute("alertDays", alertDays);
        model.addAttribute("rows", List.of());
        model.addAttribute("reviews", openTasks.reviews());
        try {
            LotStatus s = blank(status) ? null : parseStatus(status);
            Integer days = blank(expiringWithinDays) ? null : parseInt("expiringWithinDays", expiringWithinDays);
            int pageSize = parseInt("size", size);
            LotInventory.Page page = inventory.page(blank(sku) ? null : sku.trim(), s, days,
                    blank(supplierLotNumber) ? null : supplierLotNumber.trim(), pageSize, blank(cursor) ? null : cursor);
            List<LotMarks.Marks> marks = LotMarks.of(page.items().stream().map(l -> new LotMarks.Row(
                    l.getProduct().getSku(), l.getStatus().name(), l.getExpirationDate(), l.getAvailable(),
                    l.isReleasedOnConcession())).toList(),
                    LocalDate.now(clock), alertDays, blank(cursor) && blank(supplierLotNumber)
                            && (s == null || s == LotStatus.RELEASED));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < page.items().size(); i++) {
                Lot l = page.items().get(i);
                rows.add(new Row(l.getLotNumber(), l.getProduct().getSku(), l.getProduct().getName(),
                        l.getProduct().getUnit(), l.getStatus().name(), l.quantities(), l.getManufactureDate(),
                        l.isManufactureDateAssumed(), l.getExpirationDate(), l.getLocation(), marks.get(i)));
            }
            model.addAttribute("rows", rows);
            if (rows.isEmpty() && !blank(sku) && !products.exists(sku.trim())) {
                // a mistyped product is said so, not "no lot matches" (new user 2026-12-07 F17)
                model.addAttribute("noProduct", "There is no product '" + sku.trim() + "': the filter takes a"
                        + " product's SKU as the products page lists it (e.g. IL-250-55GAL)");
            }
            model.addAttribute("nextCursor", page.nextCursor());
            model.addAttribute("firstPage", blank(cursor));
            model.addAttribute("size", pageSize);
        } catch (InvalidInput e) {
            response.setStatus(400);
            model.addAttribute("errors", Map.of(e.field() == null ? "filter" : e.field(), e.getMessage()));
        }
        return "console/lots";
    }

    /**
     * The serial's page for a serial typed into the lot number box (new user 26 F5: a hospital's pump serial was
     * answered "There is no lot"), through the serial module's read side; null when it is no serial the viewer may
     * look up (no such serial, not a serial's text, not a business group's member).
     */
    private String serialPage(String text) {
        String found;
        try {
            found = serials.find(text, null).serial();
        } catch (InvalidInput e) {
            if (!"sku".equals(e.field())) {
                return null;
            }
            found = text; // a serial of several products: its page asks which
        } catch (org.lotflow.shared.NotFound | org.lotflow.shared.NotPermitted e) {
            return null;
        }
        return "redirect:/console/serials/" + org.springframework.web.util.UriUtils.encodePathSegment(found,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static LotStatus parseStatus(String text) {
        try {
            return LotStatus.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "'" + text + "' is not one of " + java.util.Arrays.toString(
                    LotStatus.values()));
        }
    }

    private static int parseInt(String field, String text) {
        return org.lotflow.shared.input.WholeNumbers.read(field, text); // the digits 0-9 only (re-test 2026-12-07 F3)
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
