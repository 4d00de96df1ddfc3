package org.lotflow.lot;

import org.lotflow.shared.StateConflict;

/** A status change the lifecycle does not allow (contract: 409). */
public class IllegalTransitionException extends StateConflict {

    public IllegalTransitionException(String lotNumber, LotStatus from, LotStatus to) {
        super("Lot " + lotNumber + " cannot go from " + from + " to " + to + "; allowed from " + from + ": "
                        + from.next());
        with("lotNumber", lotNumber).with("from", from.name()).with("to", to.name());
    }
}
