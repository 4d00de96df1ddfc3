package org.lotflow.console.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Console names a refused field as its reader sees it, not as the API spells it (new user's U2); without Spring. */
class FormErrorsTest {

    @Test
    void aFieldIsNamedInWordsAndAListEntryByItsLine() {
        assertThat(FormErrors.label("sku")).isEqualTo("Product (SKU)"); // the forms' own label (new user W13)
        assertThat(FormErrors.label("shippedAt")).isEqualTo("Ship date");
        assertThat(FormErrors.label("manufactureDate")).isEqualTo("Manufacture date");
        assertThat(FormErrors.label("sourceLots[0].lotNumber")).isEqualTo("Source lots, line 1, lot number");
        assertThat(FormErrors.label("lines[11].quantity")).isEqualTo("Lines, line 12, quantity");
        assertThat(FormErrors.label("serials[3]")).isEqualTo("Serials, line 4");
        assertThat(FormErrors.label("supplierLotNumber")).isEqualTo("Supplier lot number");
    }

    /** New user 2026-12-07 F15: a refusal's sentence named the line by the API's path "(sourceLots[0])". */
    @Test
    void aListEntryNamedInARefusalsSentenceIsNamedByItsLine() {
        org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
        FormErrors.refused(new org.lotflow.shared.InvalidInput("manufactureDate", "2025-01-20 is before source lot"
                + " RM-1 (sourceLots[0]) was received (2025-01-28): a lot is not made from material that did not exist"
                + " yet"), model);
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> errors = (java.util.Map<String, String>) model.getAttribute("errors");
        assertThat(errors.get("manufactureDate")).isEqualTo("Manufacture date: 2025-01-20 is before source lot RM-1"
                + " (Source lots, line 1) was received (2025-01-28): a lot is not made from material that did not exist"
                + " yet");
        assertThat(FormErrors.inLabels("see lines[2].expirationDate and a[b]")).isEqualTo(
                "see Lines, line 3, expiration date and a[b]");
        assertThat(FormErrors.inLabels(null)).isNull();
    }
}
