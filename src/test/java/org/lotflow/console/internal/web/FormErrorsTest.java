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
        assertThat(FormErrors.label("supplierLotNumber")).isEqualTo("Supplier's lot number"); // the receipt form's
    }

    /**
     * New user round 25 N7: a product-form refusal named "Specs" the field the form labels "Specification"; every field
     * whose API name and form label differ is named by the label.
     */
    @Test
    void aFieldIsNamedByItsFormsLabel() {
        assertThat(FormErrors.label("specs")).isEqualTo("Specification");
        assertThat(FormErrors.label("specs[2].test")).isEqualTo("Specification, line 3, test");
        assertThat(FormErrors.inLabels("as specs[0].min says")).isEqualTo("as Specification, line 1, min says");
        assertThat(FormErrors.label("receivingStatus")).isEqualTo("Lots received from a supplier start");
        assertThat(FormErrors.label("retentionYears")).isEqualTo("Retention in years beyond expiration");
        assertThat(FormErrors.label("minShelfLifeMonths")).isEqualTo("Minimum remaining shelf life at shipping, months");
        assertThat(FormErrors.label("requestReason")).isEqualTo("Why the customer asks for this lot");
        assertThat(FormErrors.label("quantityReturned")).isEqualTo("Returned to the plant");
        assertThat(FormErrors.label("quantityDestroyed")).isEqualTo("Destroyed at the customer");
        org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
        FormErrors.refused(new org.lotflow.shared.InvalidInput("specs", "line 3 'water content % - 0.05' has 3 words"
                + " before its limits"), model);
        assertThat(model.getAttribute("problem").toString()).contains("detail=Specification: line 3 'water content");
        // a form that labels a field its own way
        FormErrors.refused(new org.lotflow.shared.InvalidInput("reference", "must be at most 200 characters"), model,
                java.util.Map.of("reference", "Return note"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> errors = (java.util.Map<String, String>) model.getAttribute("errors");
        assertThat(errors.get("reference")).isEqualTo("Return note: must be at most 200 characters");
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
