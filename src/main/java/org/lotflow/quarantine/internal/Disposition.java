package org.lotflow.quarantine.internal;

/** The signed outcome of a quarantine investigation. */
public enum Disposition {
    /** Back to RELEASED: its allocations may ship again. */
    RELEASE,
    /** REJECTED, followed by a disposal. */
    REJECT,
    /** RECALLED; the recall module starts lotRecall. */
    RECALL
}
