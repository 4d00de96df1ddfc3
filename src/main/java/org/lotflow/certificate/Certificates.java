package org.lotflow.certificate;

import java.util.ArrayList;
import java.util.List;

import org.lotflow.certificate.internal.CertificatePdf;
import org.lotflow.certificate.internal.CertificateRules;
import org.lotflow.certificate.internal.CertificateStore;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "hand out a certificate of analysis" (the seed: "COA: Available upon request", "COA requests:
 * 3 provided"): sales and QA (analysts, managers; administrators always) read a lot's certificates, and
 * every certificate handed out is an event in the lot's history
 * ({@link CertificateEventTypes#CERTIFICATE_PROVIDED}: who, in which format, for which customer when
 * given, when), so reports can count the requests. Certificates are issued by the module itself when a
 * lot is released; nothing here changes one.
 */
@Service
public class Certificates {

    /** The groups that may read certificates (besides administrators). */
    public static final String[] READERS = {Groups.SALES, Groups.QA_ANALYST, Groups.QA_MANAGER};

    /** The format a certificate is handed out in, as recorded in the history. */
    public enum Format {
        JSON, PDF
    }

    /** A certificate as a PDF document (A4), with its number for the file name. */
    public record PdfDocument(String coaNumber, byte[] content) {
    }

    private final LotService lots;
    private final CertificateStore store;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final CertificatePdf pdf;
    private final org.lotflow.shared.PartyReadings readings;

    public Certificates(LotService lots, CertificateStore store, LotHistory history, CurrentUser currentUser,
            CertificatePdf pdf, org.lotflow.shared.PartyReadings readings) {
        this.lots = lots;
        this.store = store;
        this.history = history;
        this.currentUser = currentUser;
        this.pdf = pdf;
        this.readings = readings;
    }

    /**
     * The customer a certificate is provided to, as typed ({@link CertificateRules#customer}), under its name on
     * record when it is a customer on record written in other capitals: the hand-out's record and the PDF's "provided
     * to" name one customer as its orders and recalls do (re-test 2026-12-07 F6); null for none.
     */
    private String customer(String typed) {
        String c = CertificateRules.customer(typed);
        if (c == null) {
            return null;
        }
        // blanks read as orders read them: "Precision  Parts Co." is the customer "Precision Parts Co." (re-test N6)
        String read = c.replaceAll("\\s+", " ");
        String onRecord = readings.oneNames("customer", List.of(read)).getOrDefault(read, read);
        return onRecord.equals(read) ? c : onRecord;
    }

    /**
     * The lot's current certificate (its latest), handed out to the caller for {@code customer}
     * (optional). Refused in this order: a caller outside sales and QA (403, administrators outside them too: a
     * hand-out is a record in their name), a customer name over 200
     * characters or with control characters (400), an unknown lot (404), a lot without a certificate or whose
     * certificate is withdrawn: the lot was rejected or recalled, or held since its certificate was issued and not
     * released again, whatever its status now (archived, expired) (409, the reason says which; see
     * {@link CertificateRules#withdrawnBecause} and {@link CertificateRules#requireHandOut}).
     */
    @Transactional
    public CertificateView current(String lotNumber, String customer) {
        return current(lotNumber, customer, Format.JSON);
    }

    /**
     * {@link #current} as a PDF, rendered in the transaction that records the hand-out: a certificate
     * that cannot be rendered is not recorded as handed out.
     */
    @Transactional
    public PdfDocument currentPdf(String lotNumber, String customer) {
        CertificateView c = current(lotNumber, customer, Format.PDF);
        return new PdfDocument(c.coaNumber(), pdf.pdf(c, customer(customer)));
    }

    private CertificateView current(String lotNumber, String customer, Format format) {
        // a hand-out is recorded in their name (re-test 2026-12-06 E3): sales' or QA's work, never an administrator's
        // outside those roles (auditor 2026-12-06 F2), and with their own password
        currentUser.requireToRecord("hand out a certificate of analysis", READERS);
        String forCustomer = customer(customer);
        // under the lot's row lock: a hold, rejection or recall of the lot waits for the hand-out or comes first, so
        // no hand-out is recorded after the lot stopped being RELEASED (re-test 2026-12-06 F7)
        Lot lot = lots.lockForChange(lots.get(lotNumber));
        CertificateStore.Standing standing = store.standing(lot);
        CertificateView current = standing.latest();
        // decided from the lot's record, not its status alone: an archived rejected lot, a held lot the expiry run set
        // EXPIRED, are refused as the held or rejected lot was (audit 26 F2, F3)
        CertificateRules.requireHandOut(lotNumber, lot.getStatus(), current == null ? null : current.coaNumber(),
                current == null ? store.notIssuedReason(lot.getId()) : null, standing.withdrawnBecause());
        return provided(lot, current, forCustomer, format);
    }

    /**
     * One certificate of the lot by its number: a superseded one whatever the lot's status now (the record
     * of what was certified, marked SUPERSEDED), the current one under the same rule as {@link #current}.
     * Refused: 403 as above, 400 for a malformed number or customer, 404 for an unknown lot or a number
     * that is not one of this lot's certificates, 409 for the latest certificate when it is withdrawn (the lot
     * held since its release and not released again, rejected or recalled).
     */
    @Transactional
    public CertificateView byNumber(String lotNumber, String coaNumber, String customer) {
        return byNumber(lotNumber, coaNumber, customer, Format.JSON);
    }

    /** {@link #byNumber} as a PDF, rendered in the transaction that records the hand-out. */
    @Transactional
    public PdfDocument pdfByNumber(String lotNumber, String coaNumber, String customer) {
        CertificateView c = byNumber(lotNumber, coaNumber, customer, Format.PDF);
        return new PdfDocument(c.coaNumber(), pdf.pdf(c, customer(customer)));
    }

    private CertificateView byNumber(String lotNumber, String coaNumber, String customer, Format format) {
        // a hand-out is recorded in their name (re-test 2026-12-06 E3): sales' or QA's work, never an administrator's
        // outside those roles (auditor 2026-12-06 F2), and with their own password
        currentUser.requireToRecord("hand out a certificate of analysis", READERS);
        String number = CertificateNumber.parse("coaNumber", coaNumber).toString();
        String forCustomer = customer(customer);
        Lot lot = lots.lockForChange(lots.get(lotNumber)); // as current(): no hand-out after a hold (F7)
        CertificateStore.Standing standing = store.standing(lot);
        CertificateView found = standing.certificates().stream().filter(c -> c.coaNumber().equals(number))
                .findFirst().orElseThrow(() -> new NotFound("Certificate of analysis of lot " + lotNumber, number));
        if (!CertificateView.SUPERSEDED.equals(found.status())) {
            // the latest certificate vouches for the lot as it is now: a WITHDRAWN one (the lot held, rejected or
            // recalled since) gets the same 409 as GET /coa, whichever way the certificate is asked for (audit finding)
            CertificateRules.requireHandOut(lotNumber, lot.getStatus(), found.coaNumber(), null,
                    standing.withdrawnBecause());
        }
        return provided(lot, found, forCustomer, format);
    }

    /**
     * Every certificate of the lot, the first issued first, each with its standing (CURRENT, WITHDRAWN,
     * SUPERSEDED; {@link CertificateStore#standing}); empty before the first release. Read-only: listing hands out no
     * certificate.
     */
    @Transactional(readOnly = true)
    public List<CertificateView> of(Long lotId) {
        return new ArrayList<>(store.of(lots.get(lotId)));
    }

    private CertificateView provided(Lot lot, CertificateView certificate, String customer, Format format) {
        history.event(lot.getId(), CertificateEventTypes.CERTIFICATE_PROVIDED)
                .reason("Certificate of analysis " + certificate.coaNumber() + " provided as " + format
                        + (customer == null ? "" : " for " + customer))
                .detail("coaNumber", certificate.coaNumber()).detail("format", format.name())
                .detail("customer", customer).record();
        return certificate;
    }
}
