package org.lotflow.order;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.PartyNames;

/**
 * A customer's order as placed ({@code POST /api/orders}): one SKU, a quantity in the product's unit
 * (more than 0, at most 3 decimals, below 10^12), an optional required date (not in the past), an
 * optional minimum remaining shelf life in months at the ship date (0-240) and an optional requested
 * lot (an exception to FEFO that a QA manager must approve) with {@code requestReason}, why the customer asks for it
 * (required with a requested lot, at most {@value #MAX_REQUEST_REASON} characters; the seed's lot-specific requests:
 * "Document customer requirement", for regulatory requirements, quality consistency needs, previous performance
 * history or technical compatibility).
 */
public record NewOrder(String orderNumber, String customer, String sku, BigDecimal quantity, LocalDate requiredBy,
        Integer minShelfLifeMonths, String requestedLot, String requestReason) {

    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    /** The longest reason for a requested lot, in characters. */
    public static final int MAX_REQUEST_REASON = 1000;

    /** An order without a requested lot. */
    public NewOrder(String orderNumber, String customer, String sku, BigDecimal quantity, LocalDate requiredBy,
            Integer minShelfLifeMonths) {
        this(orderNumber, customer, sku, quantity, requiredBy, minShelfLifeMonths, null, null);
    }

    /** The reason as kept: trimmed, null when none was given. */
    public String requestReasonAsKept() {
        return requestReason == null || requestReason.isBlank() ? null : requestReason.strip();
    }

    /**
     * The customer as kept: trimmed, each run of spaces one space ("Cust  C" is "Cust C"), as a reader sees it; case is
     * kept, and folded where customers are compared. A recall counts a customer once (auditor 2026-12-06 G11: "Cust C"
     * and "Cust  C" were two notifications and counted twice in the effectiveness check).
     */
    public String customerAsKept() {
        return PartyNames.asKept(customer);
    }

    /** Refuses the first malformed field with {@link InvalidInput} (400 naming the field); {@code today} per the application clock. */
    public void validate(LocalDate today) {
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new InvalidInput("orderNumber", "must not be empty");
        }
        if (!orderNumber.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}")) {
            throw new InvalidInput("orderNumber",
                    "must be 1-64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit");
        }
        if (customer == null || customer.isBlank()) {
            throw new InvalidInput("customer", "must not be empty");
        }
        if (customer.length() > 200) {
            throw new InvalidInput("customer", "must be at most 200 characters");
        }
        InputRules.require("customer", PartyNames.problem(InputRules.withoutEdgeSpaces(customer)));
        if (sku == null || sku.isBlank()) {
            throw new InvalidInput("sku", "must not be empty");
        }
        if (quantity == null) {
            throw new InvalidInput("quantity", "is required");
        }
        if (quantity.signum() <= 0) {
            throw new InvalidInput("quantity", "must be greater than 0, was " + InputRules.shown(quantity));
        }
        if (quantity.stripTrailingZeros().scale() > 3) {
            throw new InvalidInput("quantity", "must have at most 3 decimals");
        }
        if (quantity.compareTo(TOO_LARGE) >= 0) {
            throw new InvalidInput("quantity", "is too large");
        }
        if (minShelfLifeMonths != null && (minShelfLifeMonths < 0 || minShelfLifeMonths > 240)) {
            throw new InvalidInput("minShelfLifeMonths", "must be between 0 and 240");
        }
        if (requiredBy != null && requiredBy.isBefore(today)) {
            throw new InvalidInput("requiredBy", "must not be in the past (today is " + today + ")");
        }
        if (requestedLot != null && requestedLot.isBlank()) {
            throw new InvalidInput("requestedLot", "must not be empty when given");
        }
        if (requestedLot != null && requestReasonAsKept() == null) {
            throw new InvalidInput("requestReason", "say why the customer asks for lot " + requestedLot.trim()
                    + " (for example a regulatory requirement, quality consistency, previous performance or technical"
                    + " compatibility): the QA manager who decides an exception to FEFO reads it");
        }
        if (requestedLot == null && requestReasonAsKept() != null) {
            throw new InvalidInput("requestReason", "is the reason for a requested lot: give requestedLot too, or"
                    + " leave it out");
        }
        if (requestReason != null && requestReason.length() > MAX_REQUEST_REASON) {
            throw new InvalidInput("requestReason", "must be at most " + MAX_REQUEST_REASON + " characters, was "
                    + requestReason.length());
        }
    }
}
