package org.lotflow.lot;

/** Published inside the transaction that changed a lot's status. */
public record LotStatusChanged(Long lotId, String lotNumber, LotStatus previous, LotStatus current, String reason) {
}
