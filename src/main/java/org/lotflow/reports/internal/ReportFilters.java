package org.lotflow.reports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * The filters every report takes, read the same way everywhere: {@code sku} (optional unless a report needs
 * one; unknown: 400 naming {@code sku}), ISO dates {@code from}/{@code to} (inclusive days of the plant's zone,
 * {@code lotflow.zone}; unreadable or {@code from} after {@code to}: 400 naming the field), and the products'
 * SKU, name and unit by id.
 */
@Component
public class ReportFilters {

    /** The longest date range a report reads (ten years). */
    static final int MAX_DAYS = 3660;

    private final ProductService products;
    private final Clock clock;

    public ReportFilters(ProductService products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** The first instant of a day in the plant's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    /** The product of an optional SKU (null when none is given); 400 naming {@code sku} when unknown. */
    public Product product(String sku) {
        if (sku == null) {
            return null;
        }
        if (sku.isBlank()) {
            throw new InvalidInput("sku", "must not be blank");
        }
        return products.findBySku(sku.trim()).orElseThrow(() -> new InvalidInput("sku", "no product with SKU '"
                + sku + "'"));
    }

    /**
     * An optional ISO date parameter; 400 naming it when unreadable. Given empty ({@code ?date=}, a form's empty field)
     * it is left out, as the lot lists read an empty parameter (the same report answered 400 for {@code ?date=} and
     * its default without it).
     */
    public LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = org.lotflow.shared.input.InputRules.isoDate(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date written year-month-day, e.g. 2025-01-28; was '" + value + "'");
        }
        // a business date, as every other (auditor 2026-12-06 X6: 0000-01-01 was answered)
        org.lotflow.shared.input.InputRules.require(field, org.lotflow.shared.input.InputRules.businessDate(date));
        return date;
    }

    /** An inclusive date range, {@code from} defaulting to {@code defaultDays} before {@code to} (default today). */
    public record Range(LocalDate from, LocalDate to) {
    }

    public Range range(String from, String to, int defaultDays) {
        LocalDate end = date("to", to);
        if (end == null) {
            end = today();
        }
        LocalDate start = date("from", from);
        if (start == null) {
            start = end.minusDays(defaultDays - 1L);
        }
        if (start.isAfter(end)) {
            throw new InvalidInput("from", "must not be after to (" + end + "), was " + start);
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInput("from", "the range may span at most " + MAX_DAYS + " days");
        }
        return new Range(start, end);
    }

    /** Every product by id, for SKU, name and unit of report lines. */
    public Map<Long, Product> productsById() {
        Map<Long, Product> byId = new HashMap<>();
        for (Product p : products.list()) {
            byId.put(p.getId(), p);
        }
        return byId;
    }

    /** The one unit of these products, or null when they have several (quantities of different units never add up). */
    public static String commonUnit(List<Product> of) {
        return of.stream().map(Product::getUnit).distinct().count() == 1 ? of.get(0).getUnit() : null;
    }
}
