package org.lotflow.lot;

import org.lotflow.shared.ApiException;
import org.springframework.http.HttpStatus;

/** A status change the lifecycle does not allow: 409. */
public class IllegalTransitionException extends ApiException {

    public IllegalTransitionException(String lotNumber, LotStatus from, LotStatus to) {
        super(HttpStatus.CONFLICT, "Illegal status transition",
                "Lot " + lotNumber + " cannot go from " + from + " to " + to + "; allowed from " + from + ": "
                        + from.next());
        with("lotNumber", lotNumber).with("from", from.name()).with("to", to.name());
    }
}
