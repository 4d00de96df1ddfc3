package org.lotflow.drill;

/**
 * Where a mock-recall drill stands: {@code IN_PROGRESS} from its start until the coordinator closes it
 * or its target time passes; then {@code PASSED} (closed within the target time, the trace confirmed
 * complete and every lot of the scope reconciled) or {@code FAILED} (anything else, the reasons listed).
 */
public enum DrillStatus {
    IN_PROGRESS, PASSED, FAILED
}
