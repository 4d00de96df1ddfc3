package org.lotflow.release.internal;

import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotViewContributor;
import org.lotflow.release.LabVerdict;
import org.springframework.stereotype.Component;

/** Shows the lab verdict as {@code labResults} in {@code GET /api/lots/{lotNumber}} (nothing before results). */
@Component
class LabVerdictContributor implements LotViewContributor {

    private final ReleaseQueries queries;

    LabVerdictContributor(ReleaseQueries queries) {
        this.queries = queries;
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        LabVerdict verdict = queries.verdict(lot.getId());
        return verdict == null ? null : Map.of("labResults", verdict);
    }
}
