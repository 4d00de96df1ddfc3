package org.lotflow.shared;

/**
 * The four-eyes principle: the person who did the first step (recorded the lab results, investigated
 * the lot, asked for the override) may not also sign the decision on it; another person of the
 * signing group must (21 CFR 211.22 and 211.192; EU GMP Annex 11 §14; the seed's release workflow).
 * The same refusal in release, quarantine and override; the message starts "Four-eyes principle:" and says how the
 * task reaches another person (new user 2026-12-06 M7: it stayed claimed by the refused manager, and nobody knew), in
 * words that fit a refused claim and a refused completion alike, signing or not (new user 2026-12-07 F6).
 */
public class FourEyesViolation extends NotPermitted {

    private final String firstStep;
    private final String decision;

    public FourEyesViolation(String userId, String firstStep, String decision) {
        super("Four-eyes principle", "Four-eyes principle: " + userId + " " + firstStep + " and may not also "
                + decision + "; another person of the group does it (a task claimed by you goes back to the group"
                + " with Unclaim)");
        this.firstStep = firstStep;
        this.decision = decision;
    }

    /** What the refused person did first, as a sentence's middle: "recorded the lab results of lot X". */
    public String firstStep() {
        return firstStep;
    }

    /** What they may not also do: "approve its release". */
    public String decision() {
        return decision;
    }
}
