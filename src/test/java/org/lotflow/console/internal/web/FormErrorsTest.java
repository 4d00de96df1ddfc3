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
}
