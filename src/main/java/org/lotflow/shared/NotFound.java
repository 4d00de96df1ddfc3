package org.lotflow.shared;

/** The record asked for does not exist ({@code Lot 'X' does not exist}); property {@code id}. */
public class NotFound extends Refusal {

    public NotFound(String what, String id) {
        super(what + " not found", what + " '" + id + "' does not exist");
        with("id", id);
    }
}
