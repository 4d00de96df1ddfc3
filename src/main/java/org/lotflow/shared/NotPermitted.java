package org.lotflow.shared;

/** The user may not do this: the wrong group for the step, or a rule about who may act. */
public class NotPermitted extends Refusal {

    public NotPermitted(String detail) {
        super("Forbidden", detail);
    }

    protected NotPermitted(String title, String detail) {
        super(title, detail);
    }
}
