package org.lotflow.history;

import java.util.Optional;

/**
 * The lot number of a lot the history knows only by its id, for reports of the audit trail (a broken chain names
 * the event's lot). The history module does not read the lot table; the lot module, which writes the history,
 * implements this.
 */
public interface LotNumbers {

    /** The lot's number, empty when there is no such lot. */
    Optional<String> lotNumberOf(long lotId);
}
