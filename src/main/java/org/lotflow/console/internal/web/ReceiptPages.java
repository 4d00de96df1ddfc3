package org.lotflow.console.internal.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lotflow.console.internal.ReceiptLines;
import org.lotflow.lot.Lot;
import org.lotflow.lot.Receiving;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.input.BusinessDate;
import org.lotflow.security.AllowedGroups;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Production receives a supplier's delivery on the Console: {@code /console/receipts/new} (the use case of
 * {@code POST /api/receipts}, {@link Receiving}: one lot per line, each line one expiration date, source
 * RECEIPT with the supplier, their lot number, the receipt date and the delivery reference; all lines or none).
 * The lines are typed one a line ({@link ReceiptLines}: {@code 3000 2027-01-10 2025-01-10}). The API's field
 * rules first, then the use case's; every refusal shown at its field with the API's status and words (the
 * use case's {@code lines[i].expirationDate} and the like at the lines). Production only: the page 403 for
 * anyone else, the form refused 403 by the use case after the field rules, in the API's order.
 */
@Controller
class ReceiptPages {

    /** The receipt form: the fields and rules of {@code POST /api/receipts}' body; the lines as text. */
    record ReceiptForm(@NotBlank String sku, @NotBlank @Size(max = 200) String supplier,
            @NotBlank @Size(max = 64) String supplierLotNumber,
            @NotNull @BusinessDate @DateTimeFormat(pattern = "uuuu-MM-dd") LocalDate receiptDate,
            @NotBlank @Size(max = 200) String location, @Size(max = 100) String deliveryReference,
            @Size(max = 10000) String lines, Boolean moreOfDelivery) {
    }

    private static final String[] FIELDS = {"sku", "supplier", "supplierLotNumber", "receiptDate", "location",
        "deliveryReference", "lines", "moreOfDelivery"};

    private final Receiving receiving;
    private final ProductService products;
    private final CurrentUser currentUser;

    private final java.time.Clock clock;

    ReceiptPages(Receiving receiving, ProductService products, CurrentUser currentUser, java.time.Clock clock) {
        this.clock = clock;
        this.receiving = receiving;
        this.products = products;
        this.currentUser = currentUser;
    }

    @GetMapping("/console/receipts/new")
    String form(@RequestParam(required = false) String sku, Model model) {
        currentUser.requireMembership("receive a lot", Groups.PRODUCTION);
        // today, as a delivery is usually entered the day it arrives (new user 2026-12-06 L5); changed when it is not
        model.addAttribute("form", new ReceiptForm(sku == null ? "" : sku, "", "", java.time.LocalDate.now(clock), "",
                "", "", false));
        return page(model);
    }

    @AllowedGroups(value = {Groups.PRODUCTION}, work = "receive a lot")
    @PostMapping("/console/receipts")
    String receive(@Valid @ModelAttribute("form") ReceiptForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("form", FormErrors.sent(request, FIELDS));
        if (binding.hasErrors()) {
            response.setStatus(FormErrors.invalid(FormErrors.of(binding), model));
            return page(model);
        }
        try {
            List<Lot> lots = receiving.receive(new Receiving.Delivery(form.sku().trim(), form.supplier(),
                    form.supplierLotNumber(), form.receiptDate(), form.location(), form.deliveryReference(),
                    ReceiptLines.parse(form.lines()), Boolean.TRUE.equals(form.moreOfDelivery())));
            return "redirect:/console/lots?supplierLotNumber="
                    + java.net.URLEncoder.encode(form.supplierLotNumber().trim(), java.nio.charset.StandardCharsets.UTF_8)
                    + "&received=" + lots.size() + "&as=" + (lots.isEmpty() ? "PENDING"
                            : lots.get(0).getProduct().getReceivingStatus().name()); // what happened (new user L6)
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("products", products.list());
        return "console/receipt-new";
    }
}
