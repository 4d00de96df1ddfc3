package org.lotflow.quarantine;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotViewContributor;
import org.lotflow.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds and dispositions. Fields are checked by the service (in the order: role 403, lot 404,
 * field 400, state 409) so every refusal names the field and the reason and changes nothing.
 */
@RestController
@RequestMapping("/api/lots/{lotNumber}")
public class QuarantineController {

    private final QuarantineService quarantine;

    public QuarantineController(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    public record HoldRequest(String reason, HoldSource source, String reference) {
    }

    public record HoldResponse(String lotNumber, LotStatus status, HoldSource source, String reason,
            String reference, String placedBy, Instant placedAt, Instant decisionDueAt, String processInstanceId,
            ImpactAssessment impact) {
    }

    @PostMapping("/holds")
    public ResponseEntity<HoldResponse> hold(@PathVariable String lotNumber, @RequestBody HoldRequest request) {
        QuarantineService.Placed placed = quarantine.hold(lotNumber, request == null ? null
                : new QuarantineService.HoldInput(request.reason(), request.source(), request.reference()));
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

    @PostMapping("/disposition")
    public QuarantineService.Signed disposition(@PathVariable String lotNumber,
            @RequestBody DispositionRequest request) {
        return quarantine.dispose(lotNumber, request == null ? null : new QuarantineService.DispositionInput(
                request.decision(), request.justification(), request.password(), request.classification()));
    }

    /** Shows the hold and its investigation in {@code GET /api/lots/{lotNumber}}. */
    @Component
    static class HoldContributor implements LotViewContributor {
        private final QuarantineService quarantine;
        private final CurrentUser users;

        HoldContributor(QuarantineService quarantine, CurrentUser users) {
            this.quarantine = quarantine;
            this.users = users;
        }

        @Override
        public Map<String, Object> contribute(Lot lot) {
            Hold h = quarantine.latest(lot.getId());
            if (h == null) {
                return null;
            }
            Map<String, Object> hold = new LinkedHashMap<>();
            hold.put("active", h.isActive());
            hold.put("source", h.getSource().name());
            hold.put("reason", h.getReason());
            hold.put("reference", h.getReference());
            hold.put("placedBy", h.getPlacedBy());
            hold.put("placedByName", users.fullName(h.getPlacedBy()));
            hold.put("placedAt", h.getPlacedAt());
            hold.put("closedAt", h.getClosedAt());
            if (h.isActive()) {
                hold.put("impact", quarantine.impact(lot));
            }
            Map<String, Object> investigation = new LinkedHashMap<>();
            investigation.put("processInstanceId", h.getProcessInstanceId());
            investigation.put("stage", h.getStage().name());
            investigation.put("decisionDueAt", h.getDecisionDueAt());
            investigation.put("overdue", h.getOverdueAt() != null);
            investigation.put("findings", h.getFindings());
            investigation.put("rootCause", h.getRootCause());
            investigation.put("retainedSampleResults", h.getRetainedSampleResults());
            investigation.put("investigatedBy", h.getInvestigatedBy());
            investigation.put("investigatedAt", h.getInvestigatedAt());
            if (h.getDecision() != null) {
                Map<String, Object> disposition = new LinkedHashMap<>();
                disposition.put("decision", h.getDecision().name());
                disposition.put("justification", h.getJustification());
                disposition.put("classification", h.getClassification());
                disposition.put("signedBy", h.getDecidedBy());
                disposition.put("signedByName", users.fullName(h.getDecidedBy()));
                disposition.put("signedAt", h.getDecidedAt());
                investigation.put("disposition", disposition);
            }
            investigation.values().removeIf(java.util.Objects::isNull);
            hold.values().removeIf(java.util.Objects::isNull);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hold", hold);
            out.put("investigation", investigation);
            return out;
        }
    }
}
