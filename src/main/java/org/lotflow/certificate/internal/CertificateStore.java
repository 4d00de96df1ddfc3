package org.lotflow.certificate.internal;

import java.util.ArrayList;
import java.util.List;

import org.lotflow.certificate.CertificateEventTypes;
import org.lotflow.certificate.CertificateView;
import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the certificates: a lot's certificates as issued, each with its standing (the latest
 * CURRENT, every earlier one SUPERSEDED by the next), and why its latest release issued none.
 */
@Service
public class CertificateStore {

    private final CertificateRepository certificates;
    private final LotHistory history;

    public CertificateStore(CertificateRepository certificates, LotHistory history) {
        this.certificates = certificates;
        this.history = history;
    }

    /** The lot's certificates, the first issued first, with their standing. */
    @Transactional(readOnly = true)
    public List<CertificateView> of(Long lotId) {
        List<Certificate> rows = certificates.findByLotIdOrderByIdAsc(lotId);
        List<CertificateView> views = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            boolean latest = i == rows.size() - 1;
            views.add(CertificateJson.read(rows.get(i).getContent()).standing(
                    latest ? CertificateView.CURRENT : CertificateView.SUPERSEDED,
                    latest ? null : rows.get(i + 1).getNumber()));
        }
        return views;
    }

    /**
     * Why the lot's latest release issued no certificate (as its
     * {@link CertificateEventTypes#CERTIFICATE_NOT_ISSUED} event says), or null when the latest release issued
     * one or the lot was never released.
     */
    @Transactional(readOnly = true)
    public String notIssuedReason(Long lotId) {
        String reason = null;
        for (LotHistory.Entry e : history.of(lotId)) {
            if (CertificateEventTypes.CERTIFICATE_NOT_ISSUED.equals(e.type())) {
                Object why = e.detail().get("why");
                reason = why == null ? e.reason() : why.toString();
            } else if (CertificateEventTypes.CERTIFICATE_ISSUED.equals(e.type())
                    || LotEventTypes.CREATED.equals(e.type())) {
                reason = null;
            }
        }
        return reason;
    }
}
