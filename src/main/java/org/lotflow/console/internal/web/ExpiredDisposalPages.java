package org.lotflow.console.internal.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.lot.LotDisposal;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.lotflow.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The disposal of an EXPIRED lot's stock on hand, recorded on the lot's page (audit 26 F4; the seed's "Dispose expired
 * inventory"): QA managers and production, as {@code POST /api/lots/{lotNumber}/disposals} records it, through the
 * same use case ({@link LotDisposal#disposeExpired}) with its rules and refusals (403 outside those groups, 400 naming
 * {@code quantity}, {@code disposalMethod} or {@code disposalReference}, 409 when the lot is not EXPIRED or the
 * quantity exceeds what is on hand), shown at the form with what was typed. The quantity is typed in the product's
 * unit, digits with a point for decimals.
 */
@Controller
class ExpiredDisposalPages {

    private final LotDisposal disposal;
    private final LotPages lotPages;

    ExpiredDisposalPages(LotDisposal disposal, LotPages lotPages) {
        this.disposal = disposal;
        this.lotPages = lotPages;
    }

    @AllowedGroups(value = {Groups.QA_MANAGER, Groups.PRODUCTION}, work = "record a disposal of expired stock")
    @PostMapping("/console/lots/{lotNumber}/disposals")
    String dispose(@PathVariable String lotNumber, @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String disposalMethod,
            @RequestParam(required = false) String disposalReference, Model model, HttpServletResponse response) {
        try {
            LotDisposal.Disposed d = disposal.disposeExpired(lotNumber, quantity(quantity), disposalMethod,
                    disposalReference);
            return "redirect:/console/lots/" + d.lot().getLotNumber() + "?disposed#disposal";
        } catch (Refusal e) {
            model.addAttribute("disposalForm", Map.of("quantity", nz(quantity), "disposalMethod", nz(disposalMethod),
                    "disposalReference", nz(disposalReference)));
            return lotPages.refused(e, "disposal", lotNumber, model, response);
        }
    }

    /** The quantity as typed: empty is none (the use case says it is required); digits with a point, or 400. */
    private static java.math.BigDecimal quantity(String typed) {
        return TypedQuantity.read("quantity", typed, null, "the quantity disposed of in the product's unit");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
