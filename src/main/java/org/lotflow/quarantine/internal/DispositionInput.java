package org.lotflow.quarantine.internal;

/**
 * A disposition as typed into {@code POST /api/lots/{lotNumber}/disposition} or the
 * {@code decideDisposition} form, before {@link DispositionRules#validate}: {@code decision} (one of
 * {@link Disposition}), {@code justification}, {@code password} (the signer's own, re-entered; null on
 * the Tasklist path, where it accompanies the request) and {@code classification} (recalls only).
 */
public record DispositionInput(String decision, String justification, String password, String classification) {

    @Override
    public String toString() {
        return "DispositionInput[decision=" + decision + ", classification=" + classification + ", password=***]";
    }
}
