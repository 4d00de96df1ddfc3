package org.lotflow.certificate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.lotflow.certificate.CertificateEventTypes;
import org.lotflow.certificate.CertificateNumber;
import org.lotflow.certificate.CertificateView;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStatusChanged;
import org.lotflow.release.LabRecords;
import org.lotflow.release.LabVerdict;
import org.lotflow.shared.Plant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a lot's certificate of analysis when it is released (the seed: "Sarah's release produces
 * certificate COA-2025-0234"): on {@link LotStatusChanged} to RELEASED, in the releasing transaction
 * (the lab release's {@code releaseLot} step after the approval or a signed OOS release, or a quarantine
 * RELEASE disposition; engine and JPA share it), so the certificate exists exactly when the release does.
 * Its facts come from lotflow's tables (the lot, the stored lab results of the latest valid round, the
 * lot's history with its signatures), never from process variables. A lot released again gets a new
 * certificate that supersedes the old; both stay. Without lab results or signatures no certificate is
 * issued and the history says why ({@link CertificateEventTypes#CERTIFICATE_NOT_ISSUED}).
 */
@Component
public class CertificateIssuance {

    private final LotService lots;
    private final LabRecords labRecords;
    private final LotHistory history;
    private final CertificateRepository certificates;
    private final CertificateSequence sequence;
    private final Clock clock;
    private final CertificateView.Plant plant;

    public CertificateIssuance(LotService lots, LabRecords labRecords, LotHistory history,
            CertificateRepository certificates, CertificateSequence sequence, Clock clock, Plant plant) {
        this.lots = lots;
        this.labRecords = labRecords;
        this.history = history;
        this.certificates = certificates;
        this.sequence = sequence;
        this.clock = clock;
        // the plant of FSMA 204's records (shared.Plant), as the certificate keeps it when issued
        this.plant = new CertificateView.Plant(plant.name(), plant.address());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onLotStatusChanged(LotStatusChanged changed) {
        if (changed.current() == LotStatus.RELEASED) {
            issue(changed.lotId());
        }
    }

    private void issue(Long lotId) {
        Lot lot = lots.get(lotId);
        List<LotHistory.Entry> events = history.of(lotId);
        int releaseIndex = CertificateRules.releaseIndex(events);
        String releasedBy = releaseIndex < 0 ? null : events.get(releaseIndex).user();
        ZoneId zone = clock.getZone();
        LabVerdict verdict = labRecords.current(lotId);
        CertificateView.Signature analyst;
        CertificateView.Signature approver;
        try {
            if (releaseIndex < 0) {
                throw new CertificateRules.NotIssuable("its release is not in its history");
            }
            if (lot.isExpiredOn(java.time.LocalDate.now(clock))) {
                // released after its expiration date had come: it expires at once and is never shipped (G5)
                throw new CertificateRules.NotIssuable("its expiration date " + lot.getExpirationDate() + " had come"
                        + " when it was released; an expired lot is not certified");
            }
            // no valid results: none recorded (CertificateRules says so), or invalidated and never retested
            int invalidated = verdict == null ? labRecords.invalidatedRound(lotId) : 0;
            if (invalidated > 0) {
                throw new CertificateRules.NotIssuable("its latest lab results (test round " + invalidated
                        + ") were invalidated by a laboratory error and no retest was recorded; an invalidated"
                        + " result is never certified");
            }
            analyst = CertificateRules.analyst(verdict, events, zone);
            approver = CertificateRules.approver(events, releaseIndex, releasedBy, zone);
        } catch (CertificateRules.NotIssuable e) {
            history.event(lotId, CertificateEventTypes.CERTIFICATE_NOT_ISSUED).by(releasedBy)
                    .reason("No certificate of analysis issued for lot " + lot.getLotNumber() + ": " + e.getMessage())
                    .detail("why", e.getMessage()).record();
            return;
        }
        Instant issuedAt = clock.instant();
        LocalDate issueDate = issuedAt.atZone(zone).toLocalDate();
        CertificateNumber number = sequence.next(issueDate.getYear());
        String supersedes = certificates.findFirstByLotIdOrderByIdDesc(lotId).map(Certificate::getNumber)
                .orElse(null);
        CertificateView content = new CertificateView(number.toString(), null, supersedes, null, issuedAt, issueDate,
                plant, lot.getLotNumber(), lot.getProduct().getSku(), lot.getProduct().getName(),
                lot.getManufactureDate(), lot.getExpirationDate(), lot.getExpirationDate(),
                CertificateRules.plain(lot.getQuantity()), lot.getProduct().getUnit(),
                CertificateRules.releaseBasis(approver), verdict.round(),
                verdict.passed(), CertificateRules.results(verdict), List.of(analyst, approver),
                CertificateRules.manufacturer(lot.getSupplier(), lot.getSupplierLotNumber()));
        certificates.save(new Certificate(number.toString(), number.year(), number.seq(), lotId, issuedAt,
                releasedBy, CertificateJson.write(content)));
        history.event(lotId, CertificateEventTypes.CERTIFICATE_ISSUED).by(releasedBy)
                .reason("Certificate of analysis " + number + " issued" + (supersedes == null ? ""
                        : "; it supersedes " + supersedes))
                .detail("coaNumber", number.toString()).detail("supersedes", supersedes).record();
    }
}
