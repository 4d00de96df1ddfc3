package org.lotflow.lot;

import java.util.Map;

/**
 * Lets other modules add their facts to {@code GET /api/lots/{lotNumber}} (lab results, a hold's
 * impact assessment...) without the lot module knowing them.
 */
public interface LotViewContributor {

    /** Extra top-level properties for the lot's view, or null for none. */
    Map<String, Object> contribute(Lot lot);
}
