package org.lotflow.shared;

/**
 * The record asked for does not exist ({@code Lot 'X' does not exist}); property {@code id}. The id is echoed with
 * what would hide or turn text around written out ({@code <U+202E>}, {@link
 * org.lotflow.shared.input.InputRules#writtenOut}): an address is anyone's typing (auditor 2026-12-07 25 F6).
 */
public class NotFound extends Refusal {

    public NotFound(String what, String id) {
        super(what + " not found", what + " '" + org.lotflow.shared.input.InputRules.writtenOut(id)
                + "' does not exist");
        with("id", org.lotflow.shared.input.InputRules.writtenOut(id));
    }
}
