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
    private String handedBackTask;
    private String handedBackFrom;

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

    /**
     * The same refusal of a completion (or form submission) by {@code assignee}, who had claimed the task: the task is
     * handed back to its candidate groups, named in {@code groupNames} ("QA managers"), so an eligible colleague takes
     * it (new user 28 M2: it stayed claimed by the refused manager, greyed out for everyone else). "Four-eyes
     * principle: you ... and may not also ...; the task is handed back to the QA managers' group for another person to
     * take". The hand-back itself happens after the refused completion was rolled back ({@link #handedBackTask()},
     * {@code WebappRefusals.refusalCapture}); nothing else changes. Its properties are kept.
     */
    public FourEyesViolation handedBack(String taskId, String assignee, java.util.List<String> groupNames) {
        if (taskId == null || assignee == null || groupNames.isEmpty()) {
            return this;
        }
        String groups = groupNames.stream().map(n -> n.endsWith("s") ? n + "'" : n + "'s")
                .collect(java.util.stream.Collectors.joining(" and ")) + (groupNames.size() > 1 ? " groups" : " group");
        FourEyesViolation told = new FourEyesViolation(new Steps(firstStep, decision), "Four-eyes principle: you "
                + firstStep + " and may not also " + decision + "; the task is handed back to the " + groups
                + " for another person to take");
        properties().forEach(told::with);
        told.handedBackTask = taskId;
        told.handedBackFrom = assignee;
        return told;
    }

    /** The task to hand back to its groups once the refused completion is rolled back, or null for none. */
    public String handedBackTask() {
        return handedBackTask;
    }

    /** Whom that task was claimed by: it is handed back only while still theirs. */
    public String handedBackFrom() {
        return handedBackFrom;
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
