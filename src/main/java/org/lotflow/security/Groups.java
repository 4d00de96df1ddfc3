package org.lotflow.security;

import java.util.List;

/** The groups of the contract. Camunda's identity store holds them; these are their ids. */
public final class Groups {

    public static final String PRODUCTION = "production";
    public static final String QA_ANALYST = "qa-analyst";
    public static final String QA_MANAGER = "qa-manager";
    public static final String SALES = "sales";
    public static final String RECALL_COORDINATOR = "recall-coordinator";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> BUSINESS = List.of(PRODUCTION, QA_ANALYST, QA_MANAGER, SALES, RECALL_COORDINATOR);

    private Groups() {
    }

    public static String displayName(String groupId) {
        return switch (groupId) {
            case PRODUCTION -> "Production";
            case QA_ANALYST -> "QA analysts";
            case QA_MANAGER -> "QA managers";
            case SALES -> "Sales";
            case RECALL_COORDINATOR -> "Recall coordinators";
            case ADMIN -> "administrators";
            default -> groupId;
        };
    }
}
