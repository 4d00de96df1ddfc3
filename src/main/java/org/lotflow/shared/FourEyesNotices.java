package org.lotflow.shared;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a signing form tells each person the four-eyes rule bars, before they sign (new user 2026-12-07 F11: the
 * refusal came only with the signature). Derived from the rule itself, never restated: each person who did an earlier
 * step is tried as the signer of the approving decision and, when barred, of the other decisions, with the same
 * checks the signature runs ({@link FourEyesViolation}); nothing is locked, signed or recorded. A plain rule: no
 * Spring, no engine (21 CFR 211.22 and 211.192; EU GMP Annex 11 §14; the seed's release workflow).
 *
 * <pre>{@code
 * FourEyesNotices.of(List.of(analyst, maker), p -> rules(p, true), p -> rules(p, false), "refuse it")
 *   == {"sarah": "Four eyes: you recorded the lab results of lot X and may not also approve its release; you may
 *       still refuse it (another QA manager approves it)."}
 * }</pre>
 */
public final class FourEyesNotices {

    private FourEyesNotices() {
    }

    /**
     * For each of {@code people} (nulls and repeats skipped) whom {@code approving} refuses: user id -> the sentence.
     * {@code otherwise} checks the other decisions; when it lets them pass, the sentence says they may still
     * {@code otherDecision}, else that another person of the group signs this task. Only {@link FourEyesViolation}
     * counts as "barred"; any other refusal of the checks propagates.
     */
    public static Map<String, String> of(Collection<String> people, Consumer<String> approving,
            Consumer<String> otherwise, String otherDecision) {
        Map<String, String> notices = new LinkedHashMap<>();
        for (String person : new LinkedHashSet<>(people)) {
            if (person == null || person.isBlank()) {
                continue;
            }
            FourEyesViolation barred = refusal(approving, person);
            if (barred == null) {
                continue;
            }
            boolean otherOpen = otherwise != null && refusal(otherwise, person) == null;
            notices.put(person, "Four eyes: you " + barred.firstStep() + " and may not also " + barred.decision()
                    + (otherOpen ? "; you may still " + otherDecision + " (another person of your group signs the"
                            + " other decision)." : "; another person of your group must sign this task: leave it"
                                    + " to them (Unclaim, if you claimed it)."));
        }
        return notices;
    }

    /**
     * The display value {@code fourEyesNotice} for {@code reader}: their sentence of {@code notices}, or an empty text
     * (the signing forms show nothing) for anyone the rule does not bar.
     */
    public static Map<String, Object> shownTo(String reader, Map<String, String> notices) {
        return Map.of(DISPLAY, reader == null ? "" : notices.getOrDefault(reader, ""));
    }

    /** The name of the display value the signing forms show the notice under. */
    public static final String DISPLAY = "fourEyesNotice";

    private static FourEyesViolation refusal(Consumer<String> check, String person) {
        try {
            Objects.requireNonNull(check).accept(person);
            return null;
        } catch (FourEyesViolation v) {
            return v;
        }
    }
}
