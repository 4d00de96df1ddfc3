package org.lotflow.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A certificate of analysis as {@code GET /api/lots/{lotNumber}/coa} answers it (JSON; the PDF shows
 * the same). Everything but {@code status} and {@code supersededBy} was fixed when the certificate was
 * issued and stored as issued, so re-reading it gives the same content whatever changed since (the
 * product's specification, a user's name, the plant's address).
 *
 * <ul>
 * <li>{@code coaNumber}: {@code COA-yyyy-nnnn} ({@link CertificateNumber}); {@code status} CURRENT (the
 * lot's latest certificate, vouching for the lot), WITHDRAWN (the latest, no longer vouching for the lot: it was
 * rejected or recalled, or held since and not released again; never handed out, only listed) or SUPERSEDED (the lot
 * was released again: {@code supersededBy} names the newer one); {@code supersedes}: the certificate this one
 * replaced, if any;</li>
 * <li>{@code issuedAt} (ISO-8601 UTC), {@code issueDate} (the plant's date, {@code lotflow.zone});</li>
 * <li>the lot: {@code lotNumber, sku, productName, manufactureDate, expirationDate}, {@code validUntil}
 * (= the expiration date, the seed's "Valid Until"), {@code quantity} (the lot's quantity, a decimal in
 * {@code unit}, never rounded);</li>
 * <li>{@code release}: how the lot was released, in fixed wording from the approver's signature (never the
 * decision's free-text justification, which stays in the audit trail);</li>
 * <li>{@code testRound} and {@code results}: every test of the lab results the release rests on (the
 * lot's latest valid test round) with its limits as judged, the measured value, the unit and PASS/FAIL;
 * {@code passed}: all tests passed (false only for a lot released on a QA manager's signed decision after
 * an out-of-specification investigation);</li>
 * <li>{@code signatures}: the analyst who recorded the results and the QA manager who approved the
 * release, each as a signature manifestation of 21 CFR 11.50 (printed name, date and time with zone,
 * meaning);</li>
 * <li>{@code plant}: the issuing plant's name and address ({@code lotflow.plant.*});</li>
 * <li>{@code manufacturer}: for a lot received from a supplier, who made it and under which lot number ("Gulf Coast
 * Base Oils, their lot GCB-24-7781"), so the certificate does not read as if the plant made it (new user 2026-12-07
 * 24b: a received API lot's certificate named only the plant); absent for a lot made at the plant, and on
 * certificates issued before it was kept.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(String coaNumber, String status, String supersedes, String supersededBy,
        Instant issuedAt, LocalDate issueDate, Plant plant, String lotNumber, String sku, String productName,
        LocalDate manufactureDate, LocalDate expirationDate, LocalDate validUntil, BigDecimal quantity, String unit,
        String release, int testRound, boolean passed, List<Result> results, List<Signature> signatures,
        String manufacturer) {

    /** {@code status} of the lot's latest certificate. */
    public static final String CURRENT = "CURRENT";
    /**
     * {@code status} of the lot's latest certificate when it no longer vouches for the lot: the lot was rejected or
     * recalled, or held after the certificate was issued and not released again (audit 26 F2, F3;
     * {@code CertificateRules.withdrawnBecause}). Never handed out; listed in the lot view with
     * {@code withdrawnBecause}.
     */
    public static final String WITHDRAWN = "WITHDRAWN";
    /** {@code status} of a certificate replaced by a later one of the same lot. */
    public static final String SUPERSEDED = "SUPERSEDED";

    /** The issuing plant ({@code lotflow.plant.name}, {@code lotflow.plant.address}). */
    public record Plant(String name, String address) {
    }

    /**
     * One test of the specification: {@code value} as measured and {@code min}/{@code max} as judged
     * (decimals in {@code unit}, trailing zeros dropped, never rounded; an open bound is absent),
     * {@code limits} as a QA person reads them ("245 – 255 cSt", "≥ 220 °C"), {@code passed} and
     * {@code result} PASS or FAIL, or REPORTED for a test recorded without limits (judged against nothing);
     * {@code text}: the observation reported for such a test instead of a number ("clear amber liquid"), else absent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String test, BigDecimal value, String unit, BigDecimal min, BigDecimal max, String limits,
            boolean passed, String result, String text) {

        /** A result of a number. */
        public Result(String test, BigDecimal value, String unit, BigDecimal min, BigDecimal max, String limits,
                boolean passed, String result) {
            this(test, value, unit, min, max, limits, passed, result, null);
        }
    }

    /**
     * A signature manifestation (21 CFR 11.50(a)): {@code printedName} (the signer's full name as recorded
     * at the signing), {@code signedAt} (ISO-8601 UTC) and {@code signedAtText} (date and time in the
     * plant's zone with the zone's name, "2025-01-28 13:30 UTC", as the screens write times), {@code meaning} (as recorded with
     * the signature: "release approval", "OOS release", "quarantine disposition: RELEASE", or the
     * analyst's "lab results recorded (test round 1)"); {@code role} ANALYST or APPROVER, {@code userId}.
     */
    public record Signature(String role, String userId, String printedName, Instant signedAt, String signedAtText,
            String meaning) {
    }

    /** The same certificate with its standing among the lot's certificates. */
    public CertificateView standing(String status, String supersededBy) {
        return new CertificateView(coaNumber, status, supersedes, supersededBy, issuedAt, issueDate, plant,
                lotNumber, sku, productName, manufactureDate, expirationDate, validUntil, quantity, unit, release,
                testRound, passed, results, signatures, manufacturer);
    }
}
