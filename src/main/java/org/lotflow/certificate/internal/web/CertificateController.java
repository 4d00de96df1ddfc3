package org.lotflow.certificate.internal.web;

import org.lotflow.certificate.CertificateView;
import org.lotflow.certificate.Certificates;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/lots/{lotNumber}/coa} (the lot's current certificate of analysis) and
 * {@code GET /api/lots/{lotNumber}/coa/{coaNumber}} (any of its certificates, current or superseded), as
 * JSON ({@link CertificateView}) or, with {@code Accept: application/pdf}, as a PDF (A4). The optional
 * {@code customer} query parameter names whom the certificate is for; every answer is recorded in the
 * lot's history (CERTIFICATE_PROVIDED). Sales, QA analysts and QA managers only (403 otherwise); 400 for
 * a malformed certificate number or customer, 404 for an unknown lot or certificate, 409 for a lot
 * without a current certificate (the reason says why: not released yet, rejected, released without lab
 * results, or its certificate withdrawn: the lot rejected or recalled, or held since and not released again,
 * whatever its status now). Errors are problem+json, also to a PDF request.
 */
@RestController
@RequestMapping("/api/lots/{lotNumber}/coa")
public class CertificateController {

    private final Certificates certificates;

    public CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    /** The lot's current certificate as JSON. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificateView current(@PathVariable String lotNumber, @RequestParam(required = false) String customer) {
        return certificates.current(lotNumber, customer);
    }

    /** The lot's current certificate as PDF; same refusals as the JSON answer. */
    @GetMapping(produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> currentPdf(@PathVariable String lotNumber,
            @RequestParam(required = false) String customer) {
        return asPdf(certificates.currentPdf(lotNumber, customer));
    }

    /** One of the lot's certificates by its number, as JSON. */
    @GetMapping(path = "/{coaNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificateView byNumber(@PathVariable String lotNumber, @PathVariable String coaNumber,
            @RequestParam(required = false) String customer) {
        return certificates.byNumber(lotNumber, coaNumber, customer);
    }

    /** One of the lot's certificates by its number, as PDF. */
    @GetMapping(path = "/{coaNumber}", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> byNumberPdf(@PathVariable String lotNumber, @PathVariable String coaNumber,
            @RequestParam(required = false) String customer) {
        return asPdf(certificates.pdfByNumber(lotNumber, coaNumber, customer));
    }

    private ResponseEntity<byte[]> asPdf(Certificates.PdfDocument document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(document.coaNumber() + ".pdf").build().toString())
                .body(document.content());
    }
}
