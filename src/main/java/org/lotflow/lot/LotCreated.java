package org.lotflow.lot;

/**
 * Published, inside the creating transaction, when a lot is created. The release module starts
 * {@code lotRelease} on it; other modules may start their own processes.
 */
public record LotCreated(Long lotId, String lotNumber, LotSource source) {
}
