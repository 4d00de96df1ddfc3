package org.lotflow.shared;

/**
 * The record's current state forbids what was asked (a lot that is not released, an order already
 * shipped, a task decided by someone else meanwhile). Asking again after the state changes may work.
 */
public class StateConflict extends Refusal {

    public StateConflict(String detail) {
        super("Conflict", detail);
    }
}
