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
 *
 * <p>An out-of-specification verdict decides nothing by itself (contract; FDA OOS guidance): such a lot is
 * rejected or released only by the QA manager's signed decision at the end of its investigation
 * ({@link OosDecided}), signed by a second person.
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

    /**
     * The signed decision on the investigation of the verdict's (out-of-specification) round: release or
     * reject, by {@code signer}; null when that investigation is not decided.
     */
    public record OosDecided(boolean release, String signer) {

        /** The decision recorded on an investigation, or null when it has none. */
        public static OosDecided of(OosInvestigation oos) {
            return oos == null || oos.getDecision() == null ? null
                    : new OosDecided(oos.getDecision() == OosInvestigation.Decision.RELEASE, oos.getDecidedBy());
        }
    }

    /** A rejection lotflow's records allow: on behalf of {@code decidedBy}, out of spec (after investigation) or refused. */
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
     * The approver on whose behalf the lot is released. A passing verdict needs, as the last decision, an
     * approval signed by a second person ({@link FourEyes}); an out-of-specification verdict needs its
     * investigation's signed RELEASE decision by a second person. Else {@link NotAllowed}.
     */
    public static String approverForRelease(LabVerdict verdict, Decision decision, OosDecided oos) {
        if (verdict == null) {
            throw new NotAllowed("its lab results are not recorded");
        }
        if (!verdict.passed()) {
            if (oos == null || !oos.release()) {
                throw new NotAllowed("its lab results are out of specification and no QA manager signed their release"
                        + " after the investigation");
            }
            if (!FourEyes.isSecondPerson(oos.signer(), verdict.recordedBy())) {
                throw new NotAllowed("its out-of-specification release is not signed by a second person");
            }
            return oos.signer();
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
     * The rejection lotflow's records allow: an out-of-specification verdict whose investigation ended in a
     * REJECT signed by a second person, or, with a passing verdict, a signed refusal as the last decision;
     * else {@link NotAllowed}. An out-of-specification verdict alone never rejects.
     */
    public static Rejection rejection(LabVerdict verdict, Decision decision, OosDecided oos) {
        if (verdict == null) {
            throw new NotAllowed("its lab results are not recorded");
        }
        if (!verdict.passed()) {
            if (oos == null || oos.release()) {
                throw new NotAllowed("an out-of-specification result rejects a lot only by a QA manager's signed"
                        + " decision after its investigation, and none is signed");
            }
            if (!FourEyes.isSecondPerson(oos.signer(), verdict.recordedBy())) {
                throw new NotAllowed("its out-of-specification rejection is not signed by a second person");
            }
            return new Rejection(true, oos.signer());
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
