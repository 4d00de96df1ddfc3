package org.lotflow.security;

import java.util.List;
import java.util.Map;

/**
 * Which groups may start which process, as the contract's table says. Camunda's authorization
 * checks enforce it for every start made on a user's behalf (REST, Tasklist start forms, and
 * processes that lotflow starts while a user's request runs).
 */
public final class ProcessStartRights {

    public static final Map<String, List<String>> BY_PROCESS = Map.of(
            "lotRelease", List.of(Groups.PRODUCTION),
            "quarantineInvestigation", List.of(Groups.QA_ANALYST, Groups.QA_MANAGER),
            "allocationOverride", List.of(Groups.SALES, Groups.QA_MANAGER),
            "lotRecall", List.of(Groups.RECALL_COORDINATOR),
            "mockRecall", List.of(Groups.RECALL_COORDINATOR));

    private ProcessStartRights() {
    }
}
