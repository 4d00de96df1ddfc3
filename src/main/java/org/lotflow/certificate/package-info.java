/**
 * Certificates of analysis (issue #13; the seed's "Certificate of Analysis: COA Number: COA-2025-0234,
 * Valid Until ..."; 21 CFR 11.50 signature manifestations; EU GMP Annex 11): issued when a lot is released,
 * numbered {@code COA-{yyyy}-{seq:4}} per year, stored as issued and never changed, handed out to sales
 * and QA as JSON or PDF, every hand-out recorded in the lot's history.
 *
 * <p>The module's API: {@link org.lotflow.certificate.Certificates} (hand out a lot's certificates),
 * {@link org.lotflow.certificate.CertificateView} (a certificate's content),
 * {@link org.lotflow.certificate.CertificateNumber} (the number's rule) and
 * {@link org.lotflow.certificate.CertificateEventTypes} (its history events, for the reports). Internal:
 * the issuance on the lot's release ({@code CertificateIssuance}, a listener of the lot module's
 * {@code LotStatusChanged} in the releasing transaction), the per-year sequence, the {@code certificate}
 * entity and its read side, the plain rules ({@code CertificateRules}), the PDF rendering
 * ({@code CertificatePdf}: a Thymeleaf XHTML template laid out by openhtmltopdf on Apache PDFBox), the lot
 * view's list of certificates; the REST controller in {@code internal.web}. Lab results come from the
 * release module's {@code LabRecords}, the lot from {@code LotService}, signatures from the lot's history.
 */
package org.lotflow.certificate;
