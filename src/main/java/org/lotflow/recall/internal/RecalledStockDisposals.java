package org.lotflow.recall.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lotflow.lot.LotDisposal;
import org.lotflow.shared.InvalidInput;

/**
 * How each recalled lot's stock on hand leaves the plant when its recall closes (21 CFR 7.55(a); EU GMP Chapter 5.65),
 * as the QA manager signs it: one {@code disposalMethod} (with an optional {@code disposalReference}) for every lot,
 * and, for a lot that leaves differently, a line of its own in {@code disposals}: the supplier's contaminated raw
 * material goes back to the supplier while the plant's own finished goods are destroyed (new user 2026-12-06 P1).
 * A rule without Spring: the lots on hand come from lotflow's tables ({@link RecalledStock}).
 *
 * <p>{@code disposals} is text, one lot per line, {@code LOT = METHOD reference} (the Tasklist form:
 * {@code RM-2025-015 = RETURNED_TO_SUPPLIER RMA-2025-17}), or, from the API, a list of
 * {@code {lotNumber, disposalMethod, disposalReference}}. Refused, 400 naming the field: a line that is not of that
 * form, a lot that is not a recalled lot of this recall with stock on hand, a lot given twice, an unknown method,
 * {@code RETURNED_TO_SUPPLIER} for a lot made at the plant (it has no supplier), no method for a lot that needs one,
 * and any of them when nothing is on hand, or a {@code disposalMethod} no lot is left to (signed text is never dropped).
 */
final class RecalledStockDisposals {

    /** A lot's disposal: method (a {@link LotDisposal.Method} name) and reference (may be null). */
    record Choice(String method, String reference) {
    }

    private RecalledStockDisposals() {
    }

    /**
     * The disposal of each lot on hand, by lot number (in {@code left}'s order); empty when nothing is on hand.
     *
     * @param disposals null, text lines, or a list of maps (see the class)
     */
    static Map<String, Choice> of(String recallNumber, RecalledStock.Left left, Object method, Object reference,
            Object disposals) {
        boolean methodGiven = given(method);
        boolean referenceGiven = given(reference);
        List<Line> lines = lines(disposals);
        if (left.onHand().isEmpty()) {
            if (methodGiven || referenceGiven || !lines.isEmpty()) {
                String field = methodGiven ? "disposalMethod" : referenceGiven ? "disposalReference" : "disposals";
                throw new InvalidInput(field, "not needed: no recalled lot of recall " + recallNumber + " has stock on"
                        + " hand, so nothing is disposed of; leave it empty");
            }
            return Map.of();
        }
        Map<String, RecalledStock.OnHand> byNumber = new LinkedHashMap<>();
        left.onHand().forEach(o -> byNumber.put(o.lot().getLotNumber().toUpperCase(Locale.ROOT), o));
        Map<String, Choice> own = new LinkedHashMap<>();
        for (Line line : lines) {
            RecalledStock.OnHand lot = byNumber.get(line.lotNumber().toUpperCase(Locale.ROOT));
            if (lot == null) {
                throw new InvalidInput("disposals", line.where() + ": '" + line.lotNumber() + "' is not a recalled lot"
                        + " of recall " + recallNumber + " with stock on hand; those are " + String.join(", ",
                                left.onHand().stream().map(o -> o.lot().getLotNumber()).toList()));
            }
            String number = lot.lot().getLotNumber();
            if (own.containsKey(number)) {
                throw new InvalidInput("disposals", line.where() + ": lot " + number + " is given twice");
            }
            LotDisposal.Method m = method(line.method(), "disposals", line.where() + ": ");
            requireSupplier(m, lot, "disposals", line.where() + ": ");
            own.put(number, new Choice(m.name(), reference(line.reference(), line.where() + ": ")));
        }
        List<RecalledStock.OnHand> rest = left.onHand().stream().filter(o -> !own.containsKey(o.lot().getLotNumber()))
                .toList();
        if (rest.isEmpty()) {
            if (methodGiven || referenceGiven) {
                // one refusal for both, so leaving the method empty is not followed by a refusal of the reference
                // (new user 2026-12-06 Q3)
                throw new InvalidInput(methodGiven ? "disposalMethod" : "disposalReference", "not needed: every"
                        + " recalled lot on hand has a line of its own in the disposals; leave the disposal method"
                        + (referenceGiven ? " and its reference" : "") + " for every lot empty");
            }
        } else if (!methodGiven) {
            throw new InvalidInput("disposalMethod", "required: recall " + recallNumber + " leaves "
                    + new RecalledStock.Left(rest).describe() + ", to be disposed of before it closes (21 CFR"
                    + " 7.55); say how it leaves the plant: DESTROYED, or RETURNED_TO_SUPPLIER (received lots"
                    + " only); a lot that leaves differently gets a line of its own in the disposals");
        }
        Map<String, Choice> all = new LinkedHashMap<>();
        if (!rest.isEmpty()) {
            LotDisposal.Method m = LotDisposal.checkMethod(method);
            String r = LotDisposal.checkReference(reference);
            for (RecalledStock.OnHand lot : rest) {
                requireSupplier(m, lot, "disposalMethod", "");
                all.put(lot.lot().getLotNumber(), new Choice(m.name(), r));
            }
        }
        for (RecalledStock.OnHand lot : left.onHand()) { // in the lots' order
            Choice c = own.get(lot.lot().getLotNumber());
            if (c != null) {
                all.put(lot.lot().getLotNumber(), c);
            }
        }
        return all;
    }

    private static void requireSupplier(LotDisposal.Method m, RecalledStock.OnHand lot, String field, String where) {
        if (m == LotDisposal.Method.RETURNED_TO_SUPPLIER && !lot.lot().isReceived()) {
            throw new InvalidInput(field, where + "lot " + lot.lot().getLotNumber() + " was made at the plant, not"
                    + " received: it has no supplier to return it to; choose DESTROYED for it"
                    + (field.equals("disposalMethod") ? " (for every lot here, or for it alone on a line of its own in"
                            + " the disposals when the others go back to their supplier)" : ""));
        }
    }

    private static LotDisposal.Method method(String value, String field, String where) {
        try {
            return LotDisposal.checkMethod(value);
        } catch (InvalidInput e) {
            throw new InvalidInput(field, where + e.properties().get("reason"));
        }
    }

    private static String reference(String value, String where) {
        try {
            return LotDisposal.checkReference(value);
        } catch (InvalidInput e) {
            throw new InvalidInput("disposals", where + "reference " + e.properties().get("reason"));
        }
    }

    private static boolean given(Object value) {
        return !(value == null || value instanceof String s && s.isBlank());
    }

    /** One lot's line: where it was given (for the sentence), lot number, method, reference. */
    private record Line(String where, String lotNumber, String method, String reference) {
    }

    private static List<Line> lines(Object disposals) {
        List<Line> lines = new ArrayList<>();
        if (disposals == null) {
            return lines;
        }
        if (disposals instanceof String text) {
            String[] raw = text.split("\\R", -1);
            for (int i = 0; i < raw.length; i++) {
                String line = raw[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                int eq = line.indexOf('=');
                String where = "line " + (i + 1);
                if (eq <= 0) {
                    throw new InvalidInput("disposals", where + ": '" + line + "' is not 'LOT = METHOD reference', e.g."
                            + " 'RM-2025-015 = RETURNED_TO_SUPPLIER RMA-2025-17'");
                }
                String[] rest = line.substring(eq + 1).strip().split("\\s+", 2);
                // the method in any case, as the lot number (new user 2026-12-06 Q2: "destroyed" was refused)
                lines.add(new Line(where, line.substring(0, eq).strip(), rest[0].toUpperCase(Locale.ROOT),
                        rest.length > 1 ? rest[1] : null));
            }
            return lines;
        }
        if (disposals instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                // counted from 1, in words: the refusal already names the field (auditor 2026-12-06 C-d: "disposals:
                // disposals[0]: ...")
                String where = "entry " + (i + 1) + " of the list";
                if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("lotNumber") instanceof String lot)
                        || lot.isBlank()) {
                    throw new InvalidInput("disposals", where + ": must be {lotNumber, disposalMethod,"
                            + " disposalReference} with a lot number");
                }
                for (Object key : m.keySet()) {
                    if (!List.of("lotNumber", "disposalMethod", "disposalReference").contains(key)) {
                        throw new InvalidInput("disposals", where + ": unknown field '" + key + "'; accepted are"
                                + " lotNumber, disposalMethod, disposalReference");
                    }
                }
                Object method = m.get("disposalMethod");
                Object reference = m.get("disposalReference");
                if (method != null && !(method instanceof String) || reference != null && !(reference instanceof String)) {
                    throw new InvalidInput("disposals", where + ": disposalMethod and disposalReference must be text");
                }
                lines.add(new Line(where, lot.strip(), (String) method, (String) reference));
            }
            return lines;
        }
        throw new InvalidInput("disposals", "must be text (one 'LOT = METHOD reference' per line) or a list of"
                + " {lotNumber, disposalMethod, disposalReference}");
    }
}
