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
 * {@code certificates: [{coaNumber, status, issuedAt, supersededBy?}]}, the first issued first. Only
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
        List<CertificateView> all = store.of(lot.getId());
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
            return line;
        }).toList());
    }
}
