package org.lotflow.quarantine.internal.web;

import java.net.URI;
import java.time.Instant;

import org.lotflow.lot.LotStatus;
import org.lotflow.quarantine.internal.DispositionInput;
import org.lotflow.quarantine.internal.DispositionSigning;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.HoldInput;
import org.lotflow.quarantine.internal.HoldPlacement;
import org.lotflow.quarantine.internal.HoldSource;
import org.lotflow.quarantine.internal.ImpactAssessment;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.lotflow.quarantine.internal.DispositionRules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds and dispositions ({@code POST /api/lots/{lotNumber}/holds}, {@code .../disposition}). Fields
 * are checked by the use cases (in the order: role 403, lot 404, field 400, state 409) so every refusal
 * names the field and the reason and changes nothing.
 */
@RestController
@RequestMapping("/api/lots/{lotNumber}")
public class QuarantineController {

    private final HoldPlacement placement;
    private final DispositionSigning signing;

    public QuarantineController(HoldPlacement placement, DispositionSigning signing) {
        this.placement = placement;
        this.signing = signing;
    }

    /** The body of {@code POST /holds}: why, what triggered it, a reference. */
    public record HoldRequest(String reason, HoldSource source, String reference) {
    }

    /** The answer to a hold (202): the lot's status, the hold, its investigation and its impact. */
    public record HoldResponse(String lotNumber, LotStatus status, HoldSource source, String reason,
            String reference, String placedBy, Instant placedAt, Instant decisionDueAt, String processInstanceId,
            ImpactAssessment impact) {
    }

    /** Holds the lot (202, {@code Location} the lot); the investigation runs on. */
    @AllowedGroups(value = {Groups.QA_ANALYST, Groups.QA_MANAGER}, work = "place a lot on hold")
    @PostMapping("/holds")
    public ResponseEntity<HoldResponse> hold(@PathVariable String lotNumber, @RequestBody HoldRequest request) {
        HoldPlacement.Placed placed = placement.hold(lotNumber, request == null ? null
                : new HoldInput(request.reason(), request.source(), request.reference()));
        Hold h = placed.hold();
        return ResponseEntity.accepted().location(URI.create("/api/lots/" + placed.lot().getLotNumber()))
                .body(new HoldResponse(placed.lot().getLotNumber(), placed.lot().getStatus(), h.getSource(),
                        h.getReason(), h.getReference(), h.getPlacedBy(), h.getPlacedAt(), h.getDecisionDueAt(),
                        placed.processInstanceId(), placed.impact()));
    }

    /** The password is the caller's own, re-entered to sign; it is checked and forgotten. */
    public record DispositionRequest(String decision, String justification, String password,
            String classification) {

        @Override
        public String toString() {
            return "DispositionRequest[decision=" + decision + ", password=***]";
        }
    }

    /**
     * Signs the disposition (200, the signature); the process carries it out. 403 for anyone who is not a QA
     * manager in their own right (administrators included) or whose password is not their own yet
     * ({@code security.OwnPassword}); the other refusals are {@link DispositionSigning#dispose}'s.
     */
    @AllowedGroups(value = {DispositionRules.SIGNING_GROUP}, work = "sign a disposition")
    @PostMapping("/disposition")
    public DispositionSigning.Signed disposition(@PathVariable String lotNumber,
            @RequestBody DispositionRequest request) {
        return signing.dispose(lotNumber, request == null ? null : new DispositionInput(request.decision(),
                request.justification(), request.password(), request.classification()));
    }
}
