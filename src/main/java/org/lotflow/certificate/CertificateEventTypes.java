package org.lotflow.certificate;

/**
 * The certificate module's kinds of lot history events, so that reports can count them (the seed's daily
 * review: "COA requests: 3 provided").
 */
public final class CertificateEventTypes {

    /** A certificate was issued at the lot's release; detail {@code coaNumber}, {@code supersedes}. */
    public static final String CERTIFICATE_ISSUED = "CERTIFICATE_ISSUED";
    /**
     * The lot was released but no certificate could be issued (no lab results, say); the reason says why.
     * The release stands: the certificate is a document of the release, not a condition of it.
     */
    public static final String CERTIFICATE_NOT_ISSUED = "CERTIFICATE_NOT_ISSUED";
    /**
     * A certificate was handed out ({@code GET /api/lots/{lotNumber}/coa...}); detail {@code coaNumber},
     * {@code format} (JSON or PDF) and, when given, {@code customer}; the event's user is who asked.
     */
    public static final String CERTIFICATE_PROVIDED = "CERTIFICATE_PROVIDED";

    private CertificateEventTypes() {
    }
}
