package org.lotflow.lot;

/**
 * What a list shows of a lot, read without loading the lot: its number, its product's SKU, name and
 * unit of measure, and where it is stored ({@link LotStock#labels}).
 */
public record LotLabel(Long id, String lotNumber, String sku, String productName, String unit, String location,
        boolean serialised) {
}
