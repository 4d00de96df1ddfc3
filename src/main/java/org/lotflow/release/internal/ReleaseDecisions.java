package org.lotflow.release.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.release.LabVerdict;

/**
 * What lotflow's records say a lot's release outcome may be, re-checked by the outcome steps before
 * they act (21 CFR 11.10(f) operational checks, 11.70 signature/record linking; EU GMP Annex 11 §14:
 * no release without a QA-authorised decision). The inputs are the stored lab verdict and the lot's
 * history, never a process variable. A plain rule: no Spring, no engine, no database.
 */
public final class ReleaseDecisions {

    private ReleaseDecisions() {
    }

    /** A signed release decision: approved or refused, by {@code signer} (null when the signature does not match). */
    public record Decision(boolean approved, String signer) {
    }

    /** Why lotflow's records do not allow an outcome; the step fails, nothing changes. */
    public static final class NotAllowed extends RuntimeException {
        NotAllowed(String why) {
            super(why);
        }
    }

    /** A rejection lotflow's records allow: on behalf of {@code decidedBy}, out of spec or refused. */
    public record Rejection(boolean outOfSpecification, String decidedBy) {
    }

    /**
     * The last release decision (approval or refusal) in a lot's history, or null. Its signer is the
     * event's user, who must also be the signature's ({@code detail.signature.userId}); else null.
     */
    public static Decision last(List<LotHistory.Entry> history) {
        LotHistory.Entry last = null;
        for (LotHistory.Entry e : history) {
            if (LotEventTypes.RELEASE_APPROVED.equals(e.type()) || LotEventTypes.RELEASE_REFUSED.equals(e.type())) {
                last = e;
            }
        }
        if (last == null) {
            return null;
        }
        Object signature = last.detail().get("signature");
        boolean signed = signature instanceof Map<?, ?> sig && last.user() != null
                && last.user().equals(sig.get("userId"));
        return new Decision(LotEventTypes.RELEASE_APPROVED.equals(last.type()), signed ? last.user() : null);
    }

    /**
     * The approver on whose behalf the lot is released: requires a passing verdict and, as the last
     * decision, an approval signed by a second person ({@link FourEyes}); else {@link NotAllowed}.
     */
    public static String approverForRelease(LabVerdict verdict, Decision decision) {
        if (verdict == null || !verdict.passed()) {
            throw new NotAllowed("its lab results are " + (verdict == null ? "not recorded" : "out of specification"));
        }
        if (decision == null || !decision.approved()) {
            throw new NotAllowed(decision == null ? "no release decision is signed" : "its release was refused");
        }
        if (!FourEyes.isSecondPerson(decision.signer(), verdict.recordedBy())) {
            throw new NotAllowed("its release approval is not signed by a second person");
        }
        return decision.signer();
    }

    /**
     * The rejection lotflow's records allow: a failing verdict (decided by the analyst) or, with a
     * passing verdict, a signed refusal as the last decision; else {@link NotAllowed}.
     */
    public static Rejection rejection(LabVerdict verdict, Decision decision) {
        if (verdict == null) {
            throw new NotAllowed("its lab results are not recorded");
        }
        if (!verdict.passed()) {
            return new Rejection(true, verdict.recordedBy());
        }
        if (decision == null || decision.approved()) {
            throw new NotAllowed("its lab results passed and no release refusal is signed");
        }
        if (decision.signer() == null) {
            throw new NotAllowed("its release refusal is not signed");
        }
        return new Rejection(false, decision.signer());
    }
}
