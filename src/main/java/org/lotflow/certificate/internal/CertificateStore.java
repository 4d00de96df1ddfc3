package org.lotflow.certificate.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.certificate.CertificateEventTypes;
import org.lotflow.certificate.CertificateView;
import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the certificates: a lot's certificates as issued, each with its standing (the latest
 * CURRENT, or WITHDRAWN when it no longer vouches for the lot, {@link CertificateRules#withdrawnBecause}; every
 * earlier one SUPERSEDED by the next), and why its latest release issued none.
 */
@Service
public class CertificateStore {

    private final CertificateRepository certificates;
    private final LotHistory history;
    private final Clock clock;

    public CertificateStore(CertificateRepository certificates, LotHistory history, Clock clock) {
        this.certificates = certificates;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A lot's certificates, the first issued first, with their standing, and why the latest is WITHDRAWN (null when
     * it is CURRENT, or there is none).
     */
    public record Standing(List<CertificateView> certificates, String withdrawnBecause) {

        /** The lot's latest certificate (CURRENT or WITHDRAWN), or null before the first. */
        public CertificateView latest() {
            return certificates.isEmpty() ? null : certificates.get(certificates.size() - 1);
        }
    }

    /** The lot's certificates, the first issued first, with their standing. */
    @Transactional(readOnly = true)
    public List<CertificateView> of(Lot lot) {
        return standing(lot).certificates();
    }

    /**
     * The lot's certificates with their standing: the latest is WITHDRAWN when the lot's own record says it no
     * longer vouches for the lot ({@link CertificateRules#withdrawnBecause}: rejected or recalled, or held since and
     * not released again), else CURRENT; every earlier one SUPERSEDED by the next (audit 26 F2, F3).
     */
    @Transactional(readOnly = true)
    public Standing standing(Lot lot) {
        List<Certificate> rows = certificates.findByLotIdOrderByIdAsc(lot.getId());
        if (rows.isEmpty()) {
            return new Standing(List.of(), null);
        }
        String withdrawn = CertificateRules.withdrawnBecause(history.of(lot.getId()),
                rows.get(rows.size() - 1).getNumber(), lot.getStatus(), clock.getZone());
        List<CertificateView> views = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            boolean latest = i == rows.size() - 1;
            String standing = !latest ? CertificateView.SUPERSEDED
                    : withdrawn == null ? CertificateView.CURRENT : CertificateView.WITHDRAWN;
            views.add(CertificateJson.read(rows.get(i).getContent()).standing(standing,
                    latest ? null : rows.get(i + 1).getNumber()));
        }
        return new Standing(List.copyOf(views), withdrawn);
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
