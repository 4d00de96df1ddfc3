package org.lotflow.quarantine.internal;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.lotflow.lot.LotStatus;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.StateConflict;
import org.lotflow.lot.LotSource;

/**
 * Which holds may be placed. The seed ("What should I do when a lot fails quality testing?":
 * immediate quarantine; "Quarantine immediately" for unidentified stock): any lot that is still
 * stock may be held, once at a time. A plain rule, tested without Spring.
 *
 * <ul>
 * <li>RELEASED lots: the usual case;</li>
 * <li>PENDING lots: only when their lab release no longer runs (unidentified stock never has one);
 * while it runs, its OOS investigation's signed rejection or a refused release are the way to stop
 * the lot. lotflow's own hold of a lot whose signed release a recall stopped is placed as that release
 * ends ({@code RECALLED_MATERIAL});</li>
 * <li>QUARANTINE (already held), REJECTED, RECALLED, EXPIRED, DEPLETED, ARCHIVED: 409.</li>
 * </ul>
 */
public final class HoldRules {

    private HoldRules() {
    }

    /**
     * The hold as it is recorded: reason trimmed (required, at most 2000 characters), reference as typed
     * (optional, at most 200; edge and double spaces refused, never trimmed), source {@link HoldSource#OTHER} when absent.
     *
     * @throws InvalidInput 400 naming {@code body}, {@code reason} or {@code reference}
     */
    public static HoldInput validate(HoldInput in) {
        if (in == null) {
            throw new InvalidInput("body", "must be a JSON object with reason, source and reference");
        }
        String reason = in.reason() == null ? null : in.reason().trim();
        if (reason == null || reason.isEmpty()) {
            throw new InvalidInput("reason", "must not be empty: say why the lot is held");
        }
        reason = FieldText.of("reason", reason, true, FieldText.MAX_TEXT);
        // a complaint's reference is its customer in the complaints report: one line of visible text, so "Acme" and
        // "Acme" with a hidden character are not two customers (auditor 2026-12-06 G6); kept as typed, never trimmed,
        // without edge or double spaces ("REF  1" beside "REF 1": auditor round 22 M1); empty means none
        String typed = in.reference() == null || in.reference().isEmpty() ? null : in.reference();
        if (typed != null && typed.length() > FieldText.MAX_SHORT_TEXT) {
            throw new InvalidInput("reference", "must be at most " + FieldText.MAX_SHORT_TEXT + " characters");
        }
        org.lotflow.shared.input.InputRules.require("reference",
                org.lotflow.shared.input.SpacedNames.searched(typed, "reference"));
        String reference = typed;
        return new HoldInput(reason, in.source() == null ? HoldSource.OTHER : in.source(), reference);
    }

    /**
     * The start form's {@code source} field: one of {@link HoldSource}, {@link HoldSource#OTHER} when blank.
     *
     * @throws InvalidInput 400 naming {@code source}
     */
    public static HoldSource source(String text) {
        if (text == null || text.isBlank()) {
            return HoldSource.OTHER;
        }
        try {
            return HoldSource.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("source", "'" + text + "' is not one of " + List.of(HoldSource.values()));
        }
    }

    /**
     * A hold's source fits the lot: {@link HoldSource#RECEIPT} (held at incoming inspection) only for a lot received
     * from a supplier ({@link org.lotflow.lot.LotSource#RECEIPT}); any other source fits any lot. A produced lot held
     * "on receipt" would tell an investigator and a regulator the wrong origin of the problem. A person never chooses
     * {@link HoldSource#RECALLED_MATERIAL} (nor {@link HoldSource#UNFIT_MATERIAL}): lotflow places that hold when a recall
     * (a hold, a rejection) of a source stops a signed lab release, and
     * a hold by hand claiming it would say so of a lot no recall reached.
     *
     * @throws InvalidInput 400 naming {@code source}
     */
    public static void requireSourceFits(String lotNumber, HoldSource source, LotSource lotSource) {
        if (source == HoldSource.RECALLED_MATERIAL || source == HoldSource.UNFIT_MATERIAL) {
            throw new InvalidInput("source", source + " holds are placed by lotflow when a " + (source
                    == HoldSource.RECALLED_MATERIAL ? "recall stops a lot's release" : "held or rejected source lot stops"
                    + " a lot's release") + "; to hold lot " + lotNumber + " choose COMPLAINT, TEST_FAILURE, UNIDENTIFIED_STOCK,"
                    + " REGULATOR or OTHER");
        }
        if (source == HoldSource.RECEIPT && lotSource != LotSource.RECEIPT) {
            throw new InvalidInput("source", "RECEIPT is for a lot received from a supplier; lot " + lotNumber
                    + " is a " + lotSource + " lot, not received: choose COMPLAINT, TEST_FAILURE, UNIDENTIFIED_STOCK, REGULATOR or OTHER");
        }
    }

    /**
     * Refuses a hold of a lot that cannot be held now ({@link #whyNotHoldable}).
     *
     * @throws StateConflict 409 with {@code lotNumber} and {@code status}
     */
    public static void requireHoldable(String lotNumber, LotStatus status, boolean alreadyHeld,
            BooleanSupplier inLabRelease) {
        Refusal why = whyNotHoldable(lotNumber, status, alreadyHeld, inLabRelease);
        if (why != null) {
            throw why;
        }
    }

    /**
     * Why a lot cannot be held now (null: it can): held already, in a status that is not held, or PENDING under its
     * lab release. The rule of a hold's placement, and of the Console's offering one (new user 2026-12-06 W12).
     *
     * @param alreadyHeld  whether the lot has an active hold (its investigation runs)
     * @param inLabRelease asked only for a PENDING lot: whether its {@code lotRelease} still runs
     */
    public static Refusal whyNotHoldable(String lotNumber, LotStatus status, boolean alreadyHeld,
            BooleanSupplier inLabRelease) {
        if (alreadyHeld) {
            return conflict("Lot " + lotNumber + " is already held; its quarantine investigation is in progress",
                    lotNumber, status);
        }
        return switch (status) {
            case REJECTED, RECALLED, ARCHIVED, EXPIRED, DEPLETED -> conflict("Lot " + lotNumber + " is "
                    + status + "; it cannot be held", lotNumber, status);
            case QUARANTINE -> conflict("Lot " + lotNumber + " is already in QUARANTINE", lotNumber, status);
            case PENDING -> inLabRelease.getAsBoolean() ? conflict("Lot " + lotNumber + " is PENDING: its lab release"
                    + " owns it. Record its lab results (an out-of-specification result opens an investigation whose QA"
                    + " manager decides), or refuse the release in its Approve release task, instead of holding it",
                    lotNumber, status) : null;
            default -> null; // RELEASED: the usual case
        };
    }

    private static Refusal conflict(String detail, String lotNumber, LotStatus status) {
        return new StateConflict(detail).with("lotNumber", lotNumber).with("lotStatus", status.name());
    }
}
