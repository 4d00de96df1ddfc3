package org.lotflow.release.internal;

import java.time.Clock;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "conclude phase II of an OOS investigation" ({@code investigateProduction}): after phase I
 * confirmed the result, a QA analyst or manager records what the full-scale investigation (FDA's phase II) found (batch
 * record, raw materials, equipment, other lots that may be affected; FDA OOS guidance, "Phase II:
 * full-scale OOS investigation"; 21 CFR 211.192). The QA manager's decision follows.
 *
 * <p>Refused, changing nothing: a caller outside QA (403); no findings or over 4,000 characters (400,
 * {@code findings}); no investigation in phase II (409).
 */
@Service
public class OosProductionInvestigation {

    /** The form field of the findings. */
    public static final String FINDINGS_FIELD = "findings";

    private final LotService lots;
    private final ReleaseQueries queries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OosProductionInvestigation(LotService lots, ReleaseQueries queries, LotHistory history,
            CurrentUser currentUser, Clock clock) {
        this.lots = lots;
        this.queries = queries;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Concludes phase II of the lot's current investigation as the logged-in user. */
    @Transactional
    public OosInvestigation conclude(Long lotId, String findings) {
        currentUser.requireMember("record a full-scale OOS investigation", Groups.QA_ANALYST, Groups.QA_MANAGER);
        Lot lot = lots.lockForChange(lots.get(lotId));
        OosInvestigation oos = queries.requireCurrentInvestigation(lotId, lot.getLotNumber());
        String by = currentUser.id();
        oos.concludeProductionPhase(findings, by, clock.instant(), FINDINGS_FIELD);
        history.event(lotId, LotEventTypes.OOS_PRODUCTION_INVESTIGATION_CONCLUDED).by(by)
                .reason("Full-scale investigation (phase II) of test round " + oos.getRound() + ": " + oos.getProductionFindings())
                .detail("round", oos.getRound()).record();
        return oos;
    }
}
