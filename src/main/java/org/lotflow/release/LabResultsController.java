package org.lotflow.release;

import org.lotflow.shared.NotFound;

import org.lotflow.shared.input.MeasuredValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotViewContributor;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/lots/{lotNumber}/lab-results")
public class LabResultsController {

    private final ReleaseService release;
    private final LotService lots;

    public LabResultsController(ReleaseService release, LotService lots) {
        this.release = release;
        this.lots = lots;
    }

    public record ResultRequest(@NotNull String test, @NotNull @MeasuredValue BigDecimal value) {
    }

    public record LabResultsRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull ResultRequest> results) {
    }

    @PostMapping
    public LabVerdict submit(@PathVariable String lotNumber, @Valid @RequestBody LabResultsRequest request) {
        return release.submit(lotNumber, request.results().stream()
                .map(r -> new ReleaseService.Measurement(r.test(), r.value())).toList());
    }

    @GetMapping
    public LabVerdict get(@PathVariable String lotNumber) {
        LabVerdict verdict = release.verdict(lots.get(lotNumber).getId());
        if (verdict == null) {
            throw new org.lotflow.shared.NotFound("Lab results of lot", lotNumber);
        }
        return verdict;
    }

    /** Shows the lab verdict in {@code GET /api/lots/{lotNumber}}. */
    @Component
    static class LabVerdictContributor implements LotViewContributor {
        private final ReleaseService release;

        LabVerdictContributor(ReleaseService release) {
            this.release = release;
        }

        @Override
        public Map<String, Object> contribute(Lot lot) {
            LabVerdict verdict = release.verdict(lot.getId());
            return verdict == null ? null : Map.of("labResults", verdict);
        }
    }
}
