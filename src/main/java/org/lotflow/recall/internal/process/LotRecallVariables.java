package org.lotflow.recall.internal.process;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.lotflow.shared.process.Variable;

/**
 * The variables of {@code lotRecall}, declared once. The process carries no facts: every step reads
 * the recall tables by business key (the recall number). Variables are only the users' form inputs,
 * read once from the completing task's scope and removed, and the forms' display copies (task-local).
 *
 * <p>The inputs are handed to the use cases as the engine holds them ({@code Object}): the use cases
 * check their types with the refusal each field has always had (400 naming the field, for example
 * {@code acknowledged: must be true or false (a Boolean)}), after the caller's rights (403 first).
 */
public final class LotRecallVariables {

    // --- start form recallStart (Tasklist, without business key)
    /** Lot numbers separated by commas, semicolons or blanks. */
    public static final Variable<String> LOTS = Variable.text("lots");
    public static final Variable<String> REASON = Variable.text("reason");
    /** CLASS_I, CLASS_II or CLASS_III (21 CFR 7.3(m)). */
    public static final Variable<String> CLASSIFICATION = Variable.text("classification");

    // --- notifyCustomer: inputs (declared local to the task's scope) and display copies
    /** Whether the customer was reached (told); false: the plant tried and could not reach it (V145, new user U3). */
    public static final Variable<Boolean> REACHED = Variable.bool("reached");
    public static final Variable<Boolean> ACKNOWLEDGED = Variable.bool("acknowledged");
    /** A number (Tasklist's number field sends a Double or Long); at most 3 decimals. */
    public static final String QUANTITY_RETURNED = "quantityReturned";
    /** PHONE, EMAIL, LETTER, FAX or VISIT: how the customer was reached (21 CFR 7.42(b)(3)). */
    public static final Variable<String> CONTACT_METHOD = Variable.text("contactMethod");
    /** The person at the customer who was told (or tried): one line, at most 200 characters. */
    public static final Variable<String> CONTACT_PERSON = Variable.text("contactPerson");
    /** Optional, at most 2000 characters. */
    public static final Variable<String> NOTE = Variable.text("note");
    /**
     * Optional, for a customer not reached: true when another attempt follows (the notification stays open and its task
     * comes back; new user 2026-12-06 F13), absent or false when none does.
     */
    public static final Variable<Boolean> TRY_AGAIN = Variable.bool("tryAgain");
    /** Optional (0): what the customer destroyed on site; a number, as {@link #QUANTITY_RETURNED}. */
    public static final String QUANTITY_DESTROYED = "quantityDestroyed";
    public static final Variable<String> CUSTOMER = Variable.text("customer");
    public static final Variable<String> RECALL_NUMBER = Variable.text("recallNumber");
    public static final Variable<String> RECALL_REASON = Variable.text("recallReason");
    public static final Variable<String> DELIVERIES = Variable.text("deliveries");
    public static final Variable<String> QUANTITY_SHIPPED = Variable.text("quantityShipped");
    /** Display: the customer's other units in this recall, each its own task (empty when it received one unit). */
    public static final Variable<String> OTHER_UNITS = Variable.text("otherUnits");
    /** Display: the earlier attempts that did not reach the customer, one per line (empty when none). */
    public static final Variable<String> EARLIER_ATTEMPTS = Variable.text("earlierAttempts");

    // --- closeRecall: input and display copy
    public static final Variable<String> COMMENT = Variable.text("comment");
    /** Required when the effectiveness check is below the target level. */
    public static final Variable<String> JUSTIFICATION = Variable.text("justification");
    /** Required when recalled lots still have stock on hand (not for goods customers returned: see the README): DESTROYED, ... */
    public static final Variable<String> DISPOSAL_METHOD = Variable.text("disposalMethod");
    /** Optional: the waste manifest or return note of the disposal. */
    public static final Variable<String> DISPOSAL_REFERENCE = Variable.text("disposalReference");
    /** Optional: a lot that leaves differently, one {@code LOT = METHOD reference} per line. */
    public static final Variable<String> DISPOSALS = Variable.text("disposals");
    public static final Variable<String> TARGET_LEVEL = Variable.text("targetEffectivenessLevel");
    public static final Variable<String> RECALL_SUMMARY = Variable.text("recallSummary");
    /** Display: the version of the summary's figures the form shows (a digest of {@link #RECALL_SUMMARY}). */
    public static final Variable<String> FIGURES_VERSION = Variable.text("figuresVersion");
    /** Input: the version of the figures the form showed when it was signed (checked, never a fact). */
    public static final Variable<String> FIGURES_SHOWN = Variable.text("figuresShown");

    private LotRecallVariables() {
    }

    /** A start-form input as the engine holds it (any type), seen from the start execution. */
    static Object startInput(VariableScope execution, Variable<String> input) {
        return execution.getVariable(input.name());
    }

    /** Declares the customer's answer inputs on the task's own scope (empty), so a completion lands there. */
    static void declareAnswer(VariableScope taskScope) {
        taskScope.setVariableLocal(REACHED.name(), null);
        taskScope.setVariableLocal(ACKNOWLEDGED.name(), null);
        taskScope.setVariableLocal(QUANTITY_RETURNED, null);
        taskScope.setVariableLocal(CONTACT_METHOD.name(), null);
        taskScope.setVariableLocal(CONTACT_PERSON.name(), null);
        taskScope.setVariableLocal(NOTE.name(), null);
        taskScope.setVariableLocal(QUANTITY_DESTROYED, null);
        taskScope.setVariableLocal(TRY_AGAIN.name(), null);
    }

    /** {@code tryAgain} as the completion left it on the task's scope (any type; null when not given). */
    static Object tryAgain(VariableScope taskScope) {
        return taskScope.getVariableLocal(TRY_AGAIN.name());
    }

    /** {@code reached} as the completion left it on the task's scope (any type; null when not given). */
    static Object reached(VariableScope taskScope) {
        return taskScope.getVariableLocal(REACHED.name());
    }

    /** {@code acknowledged} as the completion left it on the task's scope (any type). */
    static Object acknowledged(VariableScope taskScope) {
        return taskScope.getVariableLocal(ACKNOWLEDGED.name());
    }

    /** {@code quantityReturned} as the completion left it on the task's scope (any type). */
    static Object quantityReturned(VariableScope taskScope) {
        return taskScope.getVariableLocal(QUANTITY_RETURNED);
    }

    /** {@code contactMethod} as the completion left it on the task's scope (any type). */
    static Object contactMethod(VariableScope taskScope) {
        return taskScope.getVariableLocal(CONTACT_METHOD.name());
    }

    /** {@code contactPerson} as the completion left it on the task's scope (any type). */
    static Object contactPerson(VariableScope taskScope) {
        return taskScope.getVariableLocal(CONTACT_PERSON.name());
    }

    /** {@code note} as the completion left it on the task's scope (any type). */
    static Object note(VariableScope taskScope) {
        return taskScope.getVariableLocal(NOTE.name());
    }

    /** {@code quantityDestroyed} as the completion left it on the task's scope (any type). */
    static Object quantityDestroyed(VariableScope taskScope) {
        return taskScope.getVariableLocal(QUANTITY_DESTROYED);
    }

    /** Forgets the answer inputs once recorded. */
    static void forgetAnswer(VariableScope taskScope) {
        taskScope.removeVariablesLocal(List.of(REACHED.name(), ACKNOWLEDGED.name(), QUANTITY_RETURNED, CONTACT_METHOD.name(),
                CONTACT_PERSON.name(), NOTE.name(), QUANTITY_DESTROYED, TRY_AGAIN.name()));
    }

    /**
     * The completion of a customer's task, as Tasklist sends it (the quantities as a number field's Double; the note
     * only when given).
     */
    static Map<String, Object> answer(boolean reached, boolean acknowledged, BigDecimal quantityReturned,
            String contactMethod, String contactPerson, String note, BigDecimal quantityDestroyed, boolean tryAgain) {
        Map<String, Object> variables = new HashMap<>();
        if (tryAgain) {
            variables.put(TRY_AGAIN.name(), true);
        }
        variables.put(REACHED.name(), reached);
        variables.put(ACKNOWLEDGED.name(), acknowledged);
        // at most 3 decimals, so the double is exact
        variables.put(QUANTITY_RETURNED, quantityReturned.doubleValue());
        variables.put(QUANTITY_DESTROYED, quantityDestroyed.doubleValue());
        variables.put(CONTACT_METHOD.name(), contactMethod);
        variables.put(CONTACT_PERSON.name(), contactPerson);
        if (note != null) {
            variables.put(NOTE.name(), note);
        }
        return variables;
    }

    /** {@code comment} as the completion left it on the process instance (any type). */
    static Object comment(VariableScope processInstance) {
        return processInstance.getVariableLocal(COMMENT.name());
    }

    /** {@code justification} as the completion left it on the process instance (any type). */
    static Object justification(VariableScope processInstance) {
        return processInstance.getVariableLocal(JUSTIFICATION.name());
    }

    /** {@code disposalMethod} as the completion left it on the process instance (any type). */
    static Object disposalMethod(VariableScope processInstance) {
        return processInstance.getVariableLocal(DISPOSAL_METHOD.name());
    }

    /** {@code disposalReference} as the completion left it on the process instance (any type). */
    static Object disposalReference(VariableScope processInstance) {
        return processInstance.getVariableLocal(DISPOSAL_REFERENCE.name());
    }

    /** {@code disposals} as the completion left it on the process instance (any type). */
    static Object disposals(VariableScope processInstance) {
        return processInstance.getVariableLocal(DISPOSALS.name());
    }

    /** {@code figuresShown} as the completion left it on the process instance (any type; absent through the API). */
    static Object figuresShown(VariableScope processInstance) {
        return processInstance.getVariableLocal(FIGURES_SHOWN.name());
    }

    /** Forgets the closing's inputs: comment, justification, disposal (before the form shows, and once recorded). */
    static void forgetComment(VariableScope processInstance) {
        processInstance.removeVariablesLocal(List.of(COMMENT.name(), JUSTIFICATION.name(), DISPOSAL_METHOD.name(),
                DISPOSAL_REFERENCE.name(), DISPOSALS.name(), FIGURES_SHOWN.name()));
    }

    /** The completion of {@code closeRecall}: the justification and the disposal only when given. */
    static Map<String, Object> close(String comment, String justification, String disposalMethod,
            String disposalReference, String disposals, String figuresVersion) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(COMMENT.name(), comment);
        variables.put(FIGURES_SHOWN.name(), figuresVersion);
        if (justification != null) {
            variables.put(JUSTIFICATION.name(), justification);
        }
        if (disposalMethod != null) {
            variables.put(DISPOSAL_METHOD.name(), disposalMethod);
        }
        if (disposalReference != null) {
            variables.put(DISPOSAL_REFERENCE.name(), disposalReference);
        }
        if (disposals != null) {
            variables.put(DISPOSALS.name(), disposals);
        }
        return variables;
    }
}
