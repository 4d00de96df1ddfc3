package org.lotflow.certificate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lotflow.shared.InvalidInput;

/**
 * The number of a certificate of analysis, {@code COA-{yyyy}-{seq:4}} (the seed's "COA Number:
 * COA-2025-0234"): the year of issue and the certificate's place in that year, from 1, at least four
 * digits ({@code COA-2025-0001}); the 10,000th of a year is {@code COA-2025-10000}, never cut or wrapped.
 * Numbers are handed out once (a unique key and a lock, see the module's sequence); this is the plain
 * rule of their form, tested without Spring.
 */
public record CertificateNumber(int year, int seq) {

    private static final Pattern FORM = Pattern.compile("COA-(\\d{4})-(\\d{4,9})");

    public CertificateNumber {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("a certificate's year has four digits, was " + year);
        }
        if (seq < 1) {
            throw new IllegalArgumentException("a certificate's sequence number starts at 1, was " + seq);
        }
    }

    /** {@code COA-2025-0234}. */
    @Override
    public String toString() {
        return String.format("COA-%04d-%04d", year, seq);
    }

    /**
     * Reads a certificate number as a path gives it; 400 naming {@code field} when it is not of the form
     * {@code COA-yyyy-nnnn} (the sequence with four digits or more, no leading zeros beyond four digits).
     */
    public static CertificateNumber parse(String field, String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidInput(field, "'" + text + "' is no certificate number; they read COA-yyyy-nnnn,"
                    + " for example COA-2025-0234");
        }
        String digits = m.group(2);
        int seq = Integer.parseInt(digits);
        if (seq < 1 || (digits.length() > 4 && digits.charAt(0) == '0')) {
            throw new InvalidInput(field, "'" + text + "' is no certificate number; they read COA-yyyy-nnnn,"
                    + " for example COA-2025-0234");
        }
        return new CertificateNumber(Integer.parseInt(m.group(1)), seq);
    }
}
