package org.lotflow.shared.process;

/**
 * The version of the figures a signing form shows: the first 16 hex digits of the SHA-256 of the text it shows them
 * in. The form shows it as {@code figuresVersion} and sends it back as {@code figuresShown} when it is completed (an
 * embedded form by a hidden field, a Camunda Form by an {@code expression} field); the completion is refused (409,
 * nothing changes) when the figures as they stand then have another version, so nobody signs on figures that changed
 * after they were read. One rule for every such form: the recall's closing ({@code closeRecall}, re-test 2026-12-06
 * R3) and a rejected lot's disposal ({@code confirmDisposal}, mass 27 M2).
 */
public final class FiguresVersion {

    /** The display value a form shows the version under. */
    public static final String SHOWN_AS = "figuresVersion";

    /** The input a form sends the version it showed back as (checked, never a fact). */
    public static final String SENT_AS = "figuresShown";

    private FiguresVersion() {
    }

    /** The version of {@code figures}, the text the form shows them in (null as empty). */
    public static String of(String figures) {
        return org.lotflow.shared.PartyReadings.hash(figures == null ? "" : figures).substring(0, 16);
    }
}
