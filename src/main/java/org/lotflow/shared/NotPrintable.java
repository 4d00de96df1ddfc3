package org.lotflow.shared;

/**
 * A printed document (a certificate of analysis, a mock-recall report as PDF) cannot show a text it must carry: its
 * font has no letter for a character of it (a product or customer name in Chinese, an emoji). 406 naming
 * {@code Accept}: the JSON answer carries every character, the PDF would print {@code #} in its place (auditor
 * 2026-12-06 F3). Thrown before the document is handed out, so nothing is recorded.
 */
public class NotPrintable extends Refusal {

    public NotPrintable(String detail) {
        super("Not printable", detail);
        with("field", "Accept");
    }
}
