package org.lotflow.order.internal.process;

import org.lotflow.shared.process.Variable;

/**
 * The variables of {@code allocationOverride}, typed. The process carries no facts: its order is the
 * business key (the order number), its decision the one recorded on the order row (issue #8). What is
 * left are the decision task's form inputs and the gateways' routing flags.
 */
public final class AllocationOverrideVariables {

    /** The process definition key. */
    public static final String PROCESS_KEY = "allocationOverride";
    /** The QA manager's decision task. */
    public static final String TASK_APPROVE_OVERRIDE = "approveOverride";

    /**
     * {@code approveOverride}'s input (required, no default), then the gateway's routing flag written back
     * from the recorded decision over anything a user sent.
     */
    public static final Variable<Boolean> APPROVED = Variable.bool("approved");
    /** {@code approveOverride}'s input: the reason for the decision (non-blank, at most 2000 characters). */
    public static final Variable<String> COMMENT = Variable.text("comment");
    /** Routing flag of {@code allocateRequestedLot}: whether the requested lot still had the stock. */
    public static final Variable<Boolean> REQUESTED_LOT_ALLOCATED = Variable.bool("requestedLotAllocated");

    private AllocationOverrideVariables() {
    }
}
