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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /console/products}: the products with their specification and lot number pattern; production
 * defines a new one there (the use case of {@code POST /api/products}, its field rules first; the
 * specification typed one test per line, {@link SpecLines}). Every refusal shown at its field with the API's
 * status and words.
 */
@Controller
class ProductPages {

    /** The product form: the fields and rules of {@code POST /api/products}' body; specs as lines of text. */
    record ProductForm(@NotBlank @Identifier String sku, @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String description, @NotBlank @Size(max = 32) String unit,
            @NotNull @Positive @Max(600) Integer shelfLifeMonths, @NotBlank String lotNumberPattern,
            @Size(max = 20000) String specs) {
    }

    private static final String[] FIELDS = {"sku", "name", "description", "unit", "shelfLifeMonths",
        "lotNumberPattern", "specs"};

    private final ProductService products;

    ProductPages(ProductService products) {
        this.products = products;
    }

    @GetMapping("/console/products")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of("sku", "", "name", "", "description", "", "unit", "",
                    "shelfLifeMonths", "", "lotNumberPattern", "", "specs", ""));
        }
        model.addAttribute("products", products.list());
        return "console/products";
    }

    @PostMapping("/console/products")
    String create(@Valid @ModelAttribute("form") ProductForm form, BindingResult binding, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("form", FormErrors.sent(request, FIELDS));
        if (binding.hasErrors()) {
            response.setStatus(FormErrors.invalid(FormErrors.of(binding), model));
            return list(model);
        }
        try {
            Product p = products.create(new ProductService.NewProduct(form.sku().trim(), form.name(),
                    form.description(), form.unit(), form.shelfLifeMonths(), form.lotNumberPattern(),
                    SpecLines.parse(form.specs())));
            return "redirect:/console/products?created=" + p.getSku() + "#product-" + p.getSku();
        } catch (Refusal e) {
            response.setStatus(FormErrors.refused(e, model));
            return list(model);
        }
    }
}
