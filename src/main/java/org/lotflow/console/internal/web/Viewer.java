package org.lotflow.console.internal.web;

import java.util.List;

/**
 * Who looks at a Console page and what the page offers them. The services refuse whatever the page would
 * not offer (the page only hides what would be refused): {@code canHold} QA analysts and managers,
 * {@code canRecall} recall coordinators (contract, groups; members only: administering makes no records of a role).
 */
public record Viewer(String id, String name, List<String> groups, boolean canHold, boolean canRecall,
        boolean canProduce, boolean canSell, boolean admin) {

    /**
     * Whether the viewer may open Cockpit (QA managers and administrators; lotflow grants no other group its
     * application access): the menu links it for them only (new user's U13: sales met a 403 page there).
     */
    public boolean canWatch() {
        return admin || groups.contains(org.lotflow.security.Groups.QA_MANAGER);
    }

    /**
     * Whether the viewer may record a disposal of expired stock (the groups of the {@code confirmDisposal} task: QA
     * managers and production; members only, administrators not): the lot page's disposal form of an EXPIRED lot.
     */
    public boolean canDispose() {
        return groups.contains(org.lotflow.security.Groups.QA_MANAGER)
                || groups.contains(org.lotflow.security.Groups.PRODUCTION);
    }
}
