package org.lotflow.console.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.shared.Refusal;
import org.lotflow.shared.RefusalStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A form's refusal on its page, as the API's problem+json would say it: the status, the sentence, and each
 * field with its reason ({@code field: reason}, the API's words), so a template shows it next to the field.
 * Values that cannot be read at all (text where a number or a date belongs) are said as the API says them.
 */
final class FormErrors {

    private FormErrors() {
    }

    /** The field errors of a bound form (the API's bean validation); empty when there are none. */
    static Map<String, String> of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            if (e.isBindingFailure() && java.util.Arrays.stream(e.getCodes() == null ? new String[0] : e.getCodes())
                    .anyMatch(c -> c.equals("typeMismatch.java.lang.Integer") || c.equals("typeMismatch.int")
                            || c.equals("typeMismatch.java.lang.Long"))) {
                // a whole-number field: said as such, not as a decimal (re-test 2026-12-07 F5)
                errors.putIfAbsent(e.getField(), label(e.getField()) + ": " + org.lotflow.shared.input.WholeNumbers
                        .why(String.valueOf(e.getRejectedValue())));
                continue;
            }
            String reason = e.isBindingFailure() ? "'" + e.getRejectedValue() + "' is not a valid "
                    + (e.getField().toLowerCase().contains("date") || e.getField().equals("requiredBy")
                            ? "date (yyyy-mm-dd)" : "number: write it in digits with a point for decimals and no"
                                    + " thousands separator, for example 1000 or 120.5")
                    : String.valueOf(e.getDefaultMessage());
            errors.putIfAbsent(e.getField(), label(e.getField()) + ": " + reason);
        }
        return errors;
    }

    /**
     * The form as it was sent (text, unconverted), for showing it again after a refusal: a value that could
     * not be read stays in its field for the person to correct.
     */
    static Map<String, String> sent(jakarta.servlet.http.HttpServletRequest request, String... fields) {
        Map<String, String> sent = new LinkedHashMap<>();
        for (String f : fields) {
            String v = request.getParameter(f);
            sent.put(f, v == null ? "" : v);
        }
        return sent;
    }

    /** Puts the errors on the model with status 400. */
    static int invalid(Map<String, String> errors, Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("problem", Map.of("status", 400, "title", "Invalid request",
                "detail", String.join("; ", errors.values())));
        return 400;
    }

    /** Puts a service's refusal on the model; its status. */
    static int refused(Refusal e, Model model) {
        return refused(e, model, Map.of());
    }

    /**
     * {@link #refused(Refusal, Model)} of a form that labels some fields its own way ({@code labels}: the API's field,
     * the form's label), where the same field reads otherwise on other forms (the received goods' {@code reference} is
     * their "Return note").
     */
    static int refused(Refusal e, Model model, Map<String, String> labels) {
        Map<String, String> errors = new LinkedHashMap<>();
        String sentence = inLabels(e instanceof org.lotflow.shared.InvalidInput && e.field() != null
                ? labels.getOrDefault(e.field(), label(e.field())) + ": " + e.properties().get("reason")
                : e.getMessage());
        errors.put(e.field() == null ? "form" : e.field(), sentence);
        if (e.field() != null && e.field().indexOf('[') > 0) {
            // one entry of a list field ("serials[3]", "sourceLots[0].lotNumber"): shown at the list's field too (the
            // form's text area); the sentence names which line
            errors.put(e.field().substring(0, e.field().indexOf('[')), sentence);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("problem", Map.of("status", RefusalStatus.of(e), "title", e.title(), "detail", sentence));
        return RefusalStatus.of(e);
    }

    /**
     * A field as the form's reader names it, not as the API spells it: words instead of camelCase, a list entry by
     * its line counted from 1 ({@code sourceLots[0].lotNumber} is "Source lots, line 1, lot number"; {@code sku} is
     * "SKU"). New user's test 2026-12-05 U2: "sourceLots[0].lotNumber: ..." and "manufactureDate: ..." read as code.
     */
    static String label(String field) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String segment : field.split("\\.")) {
            java.util.regex.Matcher entry = LIST_ENTRY.matcher(segment);
            if (entry.matches()) {
                parts.add(words(entry.group(1)));
                parts.add("line " + (Long.parseLong(entry.group(2)) + 1));
            } else {
                parts.add(words(segment));
            }
        }
        String text = String.join(", ", parts);
        return text.isEmpty() ? field : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A refusal's sentence with the list entries it names by the API's path in the form's words: "before source lot
     * RM-1 (sourceLots[0]) was received" is "(Source lots, line 1)" (new user 2026-12-07 F15); the API's own answer
     * keeps the path. Null stays null.
     */
    static String inLabels(String sentence) {
        return sentence == null ? null : ENTRY_IN_TEXT.matcher(sentence).replaceAll(m ->
                java.util.regex.Matcher.quoteReplacement(label(m.group())));
    }

    /** A list entry's path within a sentence: {@code sourceLots[0]}, {@code lines[2].expirationDate}. */
    private static final java.util.regex.Pattern ENTRY_IN_TEXT = java.util.regex.Pattern.compile(
            "\\b[a-z][A-Za-z]*\\[\\d+](?:\\.[a-z][A-Za-z]*)?");

    /** One entry of a list field: {@code sourceLots[0]}. */
    private static final java.util.regex.Pattern LIST_ENTRY = java.util.regex.Pattern.compile("^(.*)\\[(\\d+)]$");

    /**
     * The forms' own labels where they differ from the API's field name (new user 2026-12-06 W13: "sku"; 2026-12-07
     * F17: the product form's "Shelf life (months)"; round 25 N7: "Specs" for the product form's "Specification"),
     * without what a label adds in parentheses ("optional"). A field is labelled alike on every form that has it.
     */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("sku", "Product (SKU)"),
            Map.entry("shippedAt", "Ship date"),
            // the product form
            Map.entry("shelfLifeMonths", "Shelf life (months)"),
            Map.entry("specs", "Specification"),
            Map.entry("retentionYears", "Retention in years beyond expiration"),
            Map.entry("receivingStatus", "Lots received from a supplier start"),
            Map.entry("serialPattern", "Serial pattern"),
            // the order form
            Map.entry("minShelfLifeMonths", "Minimum remaining shelf life at shipping, months"),
            Map.entry("requestReason", "Why the customer asks for this lot"),
            // the receipt form and the lot list's filter
            Map.entry("supplierLotNumber", "Supplier's lot number"),
            // the recall page's returns form
            Map.entry("quantityReturned", "Returned to the plant"),
            Map.entry("quantityDestroyed", "Destroyed at the customer"));

    private static String words(String camel) {
        String label = camel.equalsIgnoreCase("sku") ? LABELS.get("sku") : LABELS.get(camel);
        if (label != null) {
            return label;
        }
        return ConsoleFormat.wordsOf(camel).replace("_", " ").replace("sku", "SKU").replace("gtin", "GTIN")
                .replace("coa", "COA");
    }
}
