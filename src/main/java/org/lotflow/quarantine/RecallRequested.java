package org.lotflow.quarantine;

/**
 * Published when a quarantine disposition decides RECALL: the recall module starts
 * {@code lotRecall} for the lot in the same transaction. {@code requestedBy} is the signer.
 */
public record RecallRequested(Long lotId, String lotNumber, String reason, String classification,
        String requestedBy) {
}
