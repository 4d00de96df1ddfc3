package org.lotflow.release.internal.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lotflow.lot.LotService;
import org.lotflow.release.LabResultsRecording;
import org.lotflow.release.LabVerdict;
import org.lotflow.release.Measurement;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.input.MeasuredValue;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/lots/{lotNumber}/lab-results} (contract): a LIMS or script posts a lot's results, which
 * completes its {@code recordLabResults} task as the caller; anyone may read the stored verdict (404
 * before results).
 */
@RestController
@RequestMapping("/api/lots/{lotNumber}/lab-results")
public class LabResultsController {

    private final LabResultsRecording recording;
    private final ReleaseQueries queries;
    private final LotService lots;

    public LabResultsController(LabResultsRecording recording, ReleaseQueries queries, LotService lots) {
        this.recording = recording;
        this.queries = queries;
        this.lots = lots;
    }

    /**
     * One result: {@code test} and its {@code value} (a number), or, for a test the specification records without
     * limits, {@code text} instead (an observation: one line, at most 200 characters, e.g. "clear amber liquid").
     */
    public record ResultRequest(@NotNull String test, @MeasuredValue BigDecimal value, String text) {
    }

    public record LabResultsRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull ResultRequest> results) {
    }

    /**
     * Records a lot's lab results as the caller ({@link LabResultsRecording#submit}): 200 with the verdict. 403 for
     * anyone who is not a QA analyst or QA manager in their own right (administrators included: results are the
     * laboratory's record in its own name) and for one whose password an administrator set and who has not set
     * their own since ({@code security.OwnPassword}); the other refusals are {@code submit}'s.
     */
    @AllowedGroups(value = {Groups.QA_ANALYST, Groups.QA_MANAGER}, work = "record lab results")
    @PostMapping
    public LabVerdict submit(@PathVariable String lotNumber, @Valid @RequestBody LabResultsRequest request) {
        return recording.submit(lotNumber, request.results().stream()
                .map(r -> new Measurement(r.test(), r.value(), r.text())).toList());
    }

    @GetMapping
    public LabVerdict get(@PathVariable String lotNumber) {
        LabVerdict verdict = queries.verdict(lots.get(lotNumber).getId());
        if (verdict == null) {
            throw new NotFound("Lab results of lot", lotNumber);
        }
        return verdict;
    }
}
