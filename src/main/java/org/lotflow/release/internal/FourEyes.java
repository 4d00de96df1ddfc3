package org.lotflow.release.internal;

import org.lotflow.shared.FourEyesViolation;

/**
 * The four-eyes rule of the lab release: the analyst who recorded a lot's lab results may not also
 * sign its release decision (21 CFR 211.22 and 211.192; EU GMP Annex 11 §14 and Part I 1.4(xv); the
 * seed's release workflow). A plain rule: no Spring, no engine.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** Whether the decision was signed by a second person: a known signer who is not the analyst. */
    public static boolean isSecondPerson(String signer, String analyst) {
        return signer != null && !signer.equals(analyst);
    }

    /**
     * Refuses the analyst as the signer of the lot's release decision: {@link FourEyesViolation} (403,
     * the message starts "Four-eyes principle:", {@code labRecordedBy} in the problem's properties).
     */
    public static void requireSecondPerson(String signer, String analyst, String lotNumber) {
        requireOther(signer, analyst, "recorded the lab results of lot " + lotNumber, "approve its release");
    }

    /**
     * Refuses the person who created (made or received) a lot as the signer of its release decision: production and the
     * quality unit are independent (EU GMP Part I 2.5, 21 CFR 211.22; auditor 2026-12-06 X2). Memberships keep them
     * apart ({@code security.RoleSeparation}); this holds for accounts that were in both before.
     */
    public static void requireNotMaker(String signer, String maker, String lotNumber) {
        if (signer != null && signer.equals(maker)) {
            throw new FourEyesViolation(signer, "created lot " + lotNumber, "sign its release decision")
                    .with("createdBy", maker);
        }
    }

    /**
     * Refuses {@code signer} as the one who releases a lot when they invalidated an earlier out-of-specification round
     * of it as a laboratory error: the release then rests on the retest that invalidation allowed (FDA guidance
     * "Investigating OOS Test Results", 21 CFR 211.192; auditor 2026-12-06 B7, re-test R3). For the approval of a
     * passing retest and for a signed OOS RELEASE of a failing one alike; a refusal or rejection stays open to them.
     */
    public static void requireNotInvalidator(String signer, java.util.List<OosInvestigation> investigations,
            String lotNumber) {
        for (OosInvestigation oos : investigations) {
            if (oos.getLabConclusion() == OosInvestigation.LabConclusion.LAB_ERROR && signer != null
                    && signer.equals(oos.getLabConcludedBy())) {
                throw new FourEyesViolation(signer, "invalidated the out-of-specification result of test round "
                        + oos.getRound() + " of lot " + lotNumber + " as a laboratory error", "sign the release that"
                        + " rests on its retest").with("labConcludedBy", signer);
            }
        }
    }

    /**
     * Refuses {@code recorder} as the one who records the retest that replaces an out-of-specification round they
     * invalidated as a laboratory error ({@code replaced}, the lot's latest round): the retest must be independent of
     * whoever threw the original result away, or one person both discards the failing data and produces the passing
     * data the release rests on (FDA guidance "Investigating Out-of-Specification (OOS) Test Results for Pharmaceutical
     * Production": an unbiased investigation, retests that do not test a lot into compliance; 21 CFR 211.192; auditor
     * 27 F4). {@link FourEyesViolation} (403, "Four-eyes principle: you invalidated ...", {@code labConcludedBy} in the
     * problem's properties); the analyst of the replaced round, or any other analyst, records the retest. Used when the
     * retest is recorded (API, Tasklist, Console) and already at claiming the retest's task.
     */
    public static void requireNotInvalidatorOfReplaced(String recorder, OosInvestigation replaced, String lotNumber) {
        if (recorder != null && replaced != null
                && replaced.getLabConclusion() == OosInvestigation.LabConclusion.LAB_ERROR
                && recorder.equals(replaced.getLabConcludedBy())) {
            throw new FourEyesViolation(recorder, "invalidated the out-of-specification result of test round "
                    + replaced.getRound() + " of lot " + lotNumber + " as a laboratory error", "record the retest that"
                            + " replaces it (the retest is kept independent of the invalidation: FDA's OOS guidance)").with("labConcludedBy", recorder).with("retestRound", replaced.getRound() + 1);
        }
    }

    /**
     * Refuses {@code userId} when it is the {@code analyst} who did the first step ({@code firstStep}, e.g.
     * "recorded the out-of-specification result of lot X") and now would take {@code decision} on it:
     * {@link FourEyesViolation} with {@code labRecordedBy} in the problem's properties. Used at completion
     * and already at claiming.
     */
    public static void requireOther(String userId, String analyst, String firstStep, String decision) {
        if (userId != null && userId.equals(analyst)) {
            throw new FourEyesViolation(userId, firstStep, decision).with("labRecordedBy", analyst);
        }
    }
}
