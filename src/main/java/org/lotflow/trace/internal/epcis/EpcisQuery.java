package org.lotflow.trace.internal.epcis;

import org.lotflow.shared.InvalidInput;

/**
 * The query of {@code GET /api/traceability/epcis?lot=}, checked before anything is read: the lot number whose
 * trace (both directions) the document holds, required, at most 64 characters (lotflow's lot numbers). A plain
 * rule: no Spring, no database. Refusals are 400 naming {@code lot} ({@link InvalidInput}).
 */
public record EpcisQuery(String lot) {

    /** The query of the request's {@code lot} parameter. */
    public static EpcisQuery of(String lot) {
        if (lot == null || lot.isBlank()) {
            throw new InvalidInput("lot", "give the lot number whose trace the EPCIS document holds, e.g. "
                    + "lot=RM-2025-015 (a recall's document: GET /api/recalls/{recallNumber}/epcis)");
        }
        String number = lot.trim();
        if (number.length() > 64) {
            throw new InvalidInput("lot", "must be a lot number of at most 64 characters");
        }
        return new EpcisQuery(number);
    }
}
