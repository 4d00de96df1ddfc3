package org.lotflow.recall.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lotflow.recall.Classification;
import org.lotflow.shared.InvalidInput;

/**
 * What a recall is opened with, checked before anything is read or locked (a refusal changes
 * nothing): 1 to {@value #MAX_LOTS} distinct, non-empty lot numbers; a reason (at most 2000
 * characters, trimmed); an FDA class (21 CFR 7.3(m)). Every refusal is an {@link InvalidInput}
 * (400) naming the field ({@code lots[i]}, {@code reason}, {@code classification}).
 *
 * @param lotNumbers the named lots, in the order given
 * @param reason why they are recalled, trimmed
 * @param classification the recall class
 */
public record RecallRequest(List<String> lotNumbers, String reason, Classification classification) {

    /** At most this many named lots per recall (the scope made from them may be larger). */
    public static final int MAX_LOTS = 100;

    /** The longest reason accepted, in characters. */
    public static final int MAX_REASON = 2000;

    /** Checks the API's (or a disposition's) inputs; 400 naming the first field at fault. */
    public static RecallRequest of(List<String> lotNumbers, String reason, String classification) {
        if (lotNumbers == null || lotNumbers.isEmpty()) {
            throw new InvalidInput("lots", "must name at least one lot number");
        }
        if (lotNumbers.size() > MAX_LOTS) {
            throw new InvalidInput("lots", "at most " + MAX_LOTS + " lots per recall");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lotNumbers.size(); i++) {
            String n = lotNumbers.get(i);
            if (n == null || n.isBlank()) {
                throw new InvalidInput("lots[" + i + "]", "must not be empty");
            }
            // longer than any lot number: said by its length, not looked up and quoted back (re-test 2026-12-07 F5)
            org.lotflow.shared.input.TypedLotNumber.of("lots[" + i + "]", n, "must not be empty");
            if (!seen.add(n)) {
                throw new InvalidInput("lots[" + i + "]", "lot " + n + " is listed twice");
            }
        }
        if (org.lotflow.shared.input.InputRules.blank(reason)) {
            throw new InvalidInput("reason", "must not be empty: say why the lots are recalled");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "at most " + MAX_REASON + " characters");
        }
        return new RecallRequest(List.copyOf(lotNumbers), reason.trim(),
                Classification.parse("classification", classification));
    }

    /**
     * The Tasklist start form's inputs (engine values of any type): {@code lots} is text with lot
     * numbers separated by commas, semicolons or blanks; {@code reason} and {@code classification}
     * text. A value of another type is refused (400) before the checks of {@link #of}.
     */
    public static RecallRequest ofForm(Object lotsText, Object reason, Object classification) {
        if (lotsText != null && !(lotsText instanceof String)) {
            throw new InvalidInput("lots", "must be text: lot numbers separated by commas or blanks");
        }
        if (reason != null && !(reason instanceof String)) {
            throw new InvalidInput("reason", "must be text");
        }
        if (classification != null && !(classification instanceof String)) {
            throw new InvalidInput("classification", "must be one of CLASS_I, CLASS_II, CLASS_III");
        }
        return of(lotNumbers((String) lotsText), (String) reason, (String) classification);
    }

    /**
     * A refusal of the form's lot list said as the form says it: {@code lots: lot number 2 of the list ('X'): no lot}
     * instead of {@code lots[1]: no lot 'X'}, for the form has one field, <i>Lot numbers</i>, and counts from 1 (new
     * user 2026-12-06 P11); any other refusal as it is.
     */
    static InvalidInput asForm(InvalidInput refused) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("lots\\[(\\d+)]").matcher(String.valueOf(
                refused.field()));
        if (!m.matches()) {
            return refused;
        }
        return new InvalidInput("lots", "lot number " + (Integer.parseInt(m.group(1)) + 1) + " of the list: "
                + refused.properties().get("reason"));
    }

    /** The lot numbers of a text separated by commas, semicolons or blanks; none for empty text. */
    static List<String> lotNumbers(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("[\\s,;]+"));
    }
}
