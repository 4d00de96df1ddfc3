package org.lotflow.quarantine.internal.process;

import org.lotflow.shared.process.Variable;

/**
 * The variables of {@code quarantineInvestigation}, each once with its type. The process carries no
 * hold, lot or person: {@link #DECISION_DUE_AT} feeds the due dates and timers, {@link #DECISION} routes
 * the gateways (always written by lotflow from the hold's signed disposition), the rest are a form's
 * inputs, read once by its listener and forgotten (the hold keeps them, not the process).
 */
public final class QuarantineInvestigationVariables {

    /** When the status decision is due (the BPMN's {@code ${decisionDueAt}}); set by lotflow's start. */
    public static final Variable<java.util.Date> DECISION_DUE_AT = Variable.date("decisionDueAt");
    /** The gateways' routing: RELEASE, REJECT or RECALL, from the hold's signed disposition. */
    public static final Variable<String> DECISION = Variable.text("decision");

    // the Tasklist start form (quarantineStart)
    public static final Variable<String> LOT_NUMBER = Variable.text("lotNumber");
    public static final Variable<String> REASON = Variable.text("reason");
    public static final Variable<String> SOURCE = Variable.text("source");
    public static final Variable<String> REFERENCE = Variable.text("reference");
    /** Names a start may not carry: no variable binds an instance to a hold or a lot. */
    static final String[] FORGED_AT_START = {"holdId", "lotId"};

    // investigateLot
    public static final Variable<String> FINDINGS = Variable.text("findings");
    public static final Variable<String> ROOT_CAUSE = Variable.text("rootCause");
    public static final Variable<String> RETAINED_SAMPLE_RESULTS = Variable.text("retainedSampleResults");

    // decideDisposition (DECISION too); the password accompanies the request, never as a variable
    public static final Variable<String> JUSTIFICATION = Variable.text("justification");
    public static final Variable<String> CLASSIFICATION = Variable.text("classification");
    /** The masked field of {@code forms/decideDisposition.html}; removed at once if it ever reaches the engine. */
    public static final Variable<String> SIGNATURE_PASSWORD = Variable.text("signaturePassword");

    // informCustomers
    public static final Variable<String> CUSTOMER_NOTICE = Variable.text("customerNotice");

    // confirmDisposal
    public static final Variable<String> DISPOSAL_METHOD = Variable.text("disposalMethod");
    public static final Variable<String> DISPOSAL_REFERENCE = Variable.text("disposalReference");
    /**
     * The {@code figuresVersion} the disposal form showed, sent back by its expression field (checked against the
     * stock on hand now, never a fact: {@link org.lotflow.lot.LotDisposal#confirm}); read once and removed.
     */
    public static final Variable<String> FIGURES_SHOWN = Variable.text(
            org.lotflow.shared.process.FiguresVersion.SENT_AS);

    private QuarantineInvestigationVariables() {
    }

    /** The names of some variables (a form's fields). */
    static String[] names(Variable<?>... variables) {
        String[] names = new String[variables.length];
        for (int i = 0; i < variables.length; i++) {
            names[i] = variables[i].name();
        }
        return names;
    }
}
