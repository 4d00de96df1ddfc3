package org.lotflow.certificate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.certificate.CertificateView;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotViewContributor;
import org.springframework.stereotype.Component;

/**
 * Lists a lot's certificates in {@code GET /api/lots/{lotNumber}} (nothing before the first):
 * {@code certificates: [{coaNumber, status, issuedAt, supersededBy?, withdrawnBecause?}]}, the first issued first:
 * {@code status} CURRENT, WITHDRAWN (with {@code withdrawnBecause}, the clause of the 409 a hand-out gets: "QA rejected
 * the lot on 2025-01-28") or SUPERSEDED, as {@code CertificateStore.standing} decides it. Only
 * the numbers: the certificates themselves are read (and their hand-out recorded) at
 * {@code /api/lots/{lotNumber}/coa/{coaNumber}}.
 */
@Component
class CertificateLotContributor implements LotViewContributor {

    private final CertificateStore store;

    CertificateLotContributor(CertificateStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        CertificateStore.Standing standing = store.standing(lot);
        List<CertificateView> all = standing.certificates();
        if (all.isEmpty()) {
            return null;
        }
        return Map.of("certificates", all.stream().map(c -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("coaNumber", c.coaNumber());
            line.put("status", c.status());
            line.put("issuedAt", c.issuedAt());
            if (c.supersededBy() != null) {
                line.put("supersededBy", c.supersededBy());
            }
            if (CertificateView.WITHDRAWN.equals(c.status())) {
                line.put("withdrawnBecause", standing.withdrawnBecause());
            }
            return line;
        }).toList());
    }
}
