package org.lotflow.shared;

/**
 * A value breaks a rule: the refusal names the field and says why, for example
 * {@code quantity: must be positive}. Properties {@code field} and {@code reason}.
 */
public class InvalidInput extends Refusal {

    public InvalidInput(String field, String reason) {
        super("Invalid request", field + ": " + reason);
        with("field", field);
        with("reason", reason);
    }
}
