package org.lotflow.console.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lotflow.console.internal.SourceLotLines;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.input.BusinessDate;
import org.lotflow.shared.input.Identifier;
import org.lotflow.shared.input.Quantity;
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
 * Production on the Console: {@code /console/lots/new} creates a lot (the use case of {@code POST /api/lots}:
 * PENDING, its lab release started; no lot number: the product's pattern; no expiration date: manufacture
 * date plus shelf life), with its source lots typed one per line ({@link SourceLotLines}). The API's field rules
 * first, then the service's; every refusal shown at its field with the API's status and words.
 */
@Controller
class NewLotPages {

    /** The lot form: the fields and rules of {@code POST /api/lots}' body; source lots as lines of text. */
    record LotForm(@NotBlank String sku, @NotNull @Quantity BigDecimal quantity,
            @NotNull @BusinessDate @DateTimeFormat(pattern = "uuuu-MM-dd") LocalDate manufactureDate,
            @Size(max = 200) String location, @Identifier String lotNumber,
            @BusinessDate @DateTimeFormat(pattern = "uuuu-MM-dd") LocalDate expirationDate,
            @Size(max = 64) String productionOrder, @Size(max = 10000) String sourceLots) {
    }

    private final LotService lots;
    private final ProductService products;
    private final CurrentUser currentUser;

    NewLotPages(LotService lots, ProductService products, CurrentUser currentUser) {
        this.lots = lots;
        this.products = products;
        this.currentUser = currentUser;
    }

    @GetMapping("/console/lots/new")
    String form(@RequestParam(required = false) String sku, Model model) {
        currentUser.requireMembership("create a lot", Groups.PRODUCTION);
        model.addAttribute("form", new LotForm(sku == null ? "" : sku, null, null, "", "", null, "", ""));
        return page(model);
    }

    @AllowedGroups(value = {Groups.PRODUCTION}, work = "create a lot")
    @PostMapping("/console/lots/new")
    String create(@Valid @ModelAttribute("form") LotForm form, BindingResult binding, Model model,
            HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("form", FormErrors.sent(request, "sku", "quantity", "manufactureDate", "location",
                "lotNumber", "expirationDate", "productionOrder", "sourceLots"));
        if (binding.hasErrors()) {
            response.setStatus(FormErrors.invalid(FormErrors.of(binding), model));
            return page(model);
        }
        try {
            Lot lot = lots.create(new LotService.NewLot(form.sku().trim(), form.quantity(), form.manufactureDate(),
                    null, blankToNull(form.location()), form.lotNumber() == null || form.lotNumber().isBlank() ? null
                            : form.lotNumber().trim(), form.expirationDate(),
                    blankToNull(form.productionOrder()), SourceLotLines.parse(form.sourceLots()), null));
            return "redirect:/console/lots/" + lot.getLotNumber() + "?created";
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("products", products.list());
        return "console/lot-new";
    }

    /** An empty field as none; anything else as typed (edge spaces are the service's to refuse, never trimmed). */
    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
