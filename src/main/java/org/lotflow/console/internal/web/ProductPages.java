package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.lotflow.console.internal.SpecLines;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.input.Identifier;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /console/products}: the products with their specification, lot number pattern and, for a serialised
 * product, its serial pattern (new user 26 F6); production defines a new one there, serialised or not (the use case of {@code POST /api/products}, its field rules first; the
 * specification typed one test per line, {@link SpecLines}). Every refusal shown at its field with the API's
 * status and words.
 */
@Controller
class ProductPages {

    /** The product form: the fields and rules of {@code POST /api/products}' body; specs as lines of text. */
    record ProductForm(@NotBlank @Identifier String sku, @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String description, @NotBlank @Size(max = 32) String unit,
            @NotNull @Positive @Max(600) Integer shelfLifeMonths, @NotBlank String lotNumberPattern,
            @Size(max = 20000) String specs, String category, Integer retentionYears, String receivingStatus,
            @Size(max = 14) String gtin, Boolean serialised, @Size(max = 60) String serialPattern) {
    }

    private static final String[] FIELDS = {"sku", "name", "description", "unit", "shelfLifeMonths",
        "lotNumberPattern", "specs", "category", "retentionYears", "receivingStatus", "gtin", "serialised",
        "serialPattern"};

    private final ProductService products;

    ProductPages(ProductService products) {
        this.products = products;
    }

    @GetMapping("/console/products")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            java.util.Map<String, String> empty = new java.util.LinkedHashMap<>();
            for (String f : FIELDS) {
                empty.put(f, "");
            }
            model.addAttribute("form", empty);
        }
        model.addAttribute("categories", org.lotflow.product.ProductCategory.values());
        model.addAttribute("receivingStatuses", org.lotflow.product.ReceivingStatus.values());
        model.addAttribute("products", products.list());
        return "console/products";
    }

    @AllowedGroups(value = {Groups.PRODUCTION}, work = "create a product and its specification")
    @PostMapping("/console/products")
    String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("form", FormErrors.sent(request, FIELDS));
        if (binding.hasErrors()) {
            response.setStatus(FormErrors.invalid(FormErrors.of(binding), model));
            return list(model);
        }
        try {
            if (form.serialPattern() != null && !Boolean.TRUE.equals(form.serialised())) {
                // the API's "send serialised: true with it" in the form's words (new user 26 F6)
                throw new org.lotflow.shared.InvalidInput("serialPattern", "is only for a serialised product: tick"
                        + " 'Serialised' with it, or leave the pattern empty");
            }
            Product p = products.create(new ProductService.NewProduct(form.sku().trim(), form.name(),
                    form.description(), form.unit(), form.shelfLifeMonths(), form.lotNumberPattern(),
                    SpecLines.parse(form.specs()), option("receivingStatus", form.receivingStatus(),
                            org.lotflow.product.ReceivingStatus.class),
                    form.gtin() == null || form.gtin().isBlank() ? null : form.gtin().trim(),
                    option("category", form.category(), org.lotflow.product.ProductCategory.class),
                    form.retentionYears(), form.serialised(), form.serialPattern()));
            return "redirect:/console/products?created=" + p.getSku() + "#product-" + p.getSku();
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return list(model);
        }
    }

    /** A choice of the form as the API reads its enum: blank is absent; anything else must be one of them (400). */
    private static <E extends Enum<E>> E option(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw new org.lotflow.shared.InvalidInput(field, "'" + text + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
