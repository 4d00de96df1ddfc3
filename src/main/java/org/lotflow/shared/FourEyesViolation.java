package org.lotflow.shared;

/**
 * The four-eyes principle: the person who did the first step (recorded the lab results, investigated
 * the lot, asked for the override) may not also sign the decision on it; another person of the
 * signing group must (21 CFR 211.22 and 211.192; EU GMP Annex 11 §14; the seed's release workflow).
 * The same refusal in release, quarantine and override; the message starts "Four-eyes principle:" and says how the
 * task reaches another person (new user 2026-12-06 M7: it stayed claimed by the refused manager, and nobody knew), in
 * words that fit a refused claim and a refused completion alike, signing or not (new user 2026-12-07 F6). The refused
 * person is the one asking, so the sentence says "you", not their user id (known open item: "sarah recorded ..." read
 * as a third person); a task assigned by someone else to the refused person says whom ({@link #assignedBy}).
 */
public class FourEyesViolation extends NotPermitted {

    private final String firstStep;
    private final String decision;

    /**
     * @param userId    the refused person, who is the one asking (see {@link #assignedBy} otherwise)
     * @param firstStep what they did first, "recorded the lab results of lot X"
     * @param decision  what they may not also do, "approve its release"
     */
    public FourEyesViolation(String userId, String firstStep, String decision) {
        this(new Steps(firstStep, decision), "Four-eyes principle: you " + firstStep + " and may not also " + decision
                + "; another person of the group does it (a task claimed by you goes back to the group with Unclaim)");
    }

    private record Steps(String firstStep, String decision) {
    }

    private FourEyesViolation(Steps steps, String detail) {
        super("Four-eyes principle", detail);
        this.firstStep = steps.firstStep();
        this.decision = steps.decision();
    }

    /**
     * The same refusal told to {@code caller}, who assigned the task to {@code assignee} (an administrator's or a
     * colleague's assignment): "Four-eyes principle: sarah recorded ... and may not also ...; assign the task to
     * another person of the group". Its properties are kept.
     */
    public FourEyesViolation assignedBy(String caller, String assignee) {
        if (caller == null || caller.equals(assignee)) {
            return this;
        }
        FourEyesViolation told = new FourEyesViolation(new Steps(firstStep, decision), "Four-eyes principle: " + assignee + " "
                + firstStep + " and may not also " + decision + "; assign the task to another person of the group");
        properties().forEach(told::with);
        return told;
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
