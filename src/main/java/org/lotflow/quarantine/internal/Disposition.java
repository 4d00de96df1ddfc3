package org.lotflow.quarantine.internal;

/** The signed outcome of a quarantine investigation. */
public enum Disposition {
    /** Back to RELEASED: its allocations may ship again. */
    RELEASE,
    /** REJECTED, followed by a disposal. */
    REJECT,
    /** RECALLED; the recall module starts lotRecall. */
    RECALL;

    /**
     * The decision in the words of the disposition form and the Console ("release", in lower case as it reads inside a
     * sentence), for the texts people read (new user round 25 N2: "Quarantine disposition RELEASE signed by"); the code
     * stays the API's, the process's and the event details'.
     */
    public String inWords() {
        return switch (this) {
            case RELEASE -> "release";
            case REJECT -> "reject";
            case RECALL -> "recall";
        };
    }
}
