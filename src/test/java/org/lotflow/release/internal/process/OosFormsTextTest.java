package org.lotflow.release.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OOS forms' sentences: a finding's own full stop is not doubled (new user 2026-12-06 L7: "RS-115.. Its"). */
class OosFormsTextTest {

    @Test
    void aFindingEndingWithAFullStopIsNotGivenASecond() {
        assertThat(OosForms.withoutFinalStop("Wrong dilution; retest with RS-115.") + ". Its results stay on record.")
                .isEqualTo("Wrong dilution; retest with RS-115. Its results stay on record.");
        assertThat(OosForms.withoutFinalStop("Pipette out of calibration ")).isEqualTo("Pipette out of calibration");
        assertThat(OosForms.withoutFinalStop(null)).isEmpty();
    }

    /**
     * Auditor 27 F4: a retest recorded by whoever invalidated the round it replaces (refused since; a retest recorded
     * before is still on record) is said to the release approver below the earlier rounds, as one by the analyst is.
     */
    @Test
    void aRetestRecordedByTheInvalidatorIsSaidOnTheApprovalForm() {
        java.time.Instant t = java.time.Instant.parse("2025-01-28T09:00:00Z");
        org.lotflow.release.internal.OosInvestigation round1 = new org.lotflow.release.internal.OosInvestigation(7L, 1,
                "viscosity = 232", "sarah", t);
        round1.concludeLaboratoryPhase(org.lotflow.release.internal.OosInvestigation.LabConclusion.LAB_ERROR,
                "Sample drawn from wrong drum", "jennifer", t, "findings");
        org.lotflow.release.internal.ReleaseQueries queries = org.mockito.Mockito.mock(
                org.lotflow.release.internal.ReleaseQueries.class);
        org.lotflow.security.CurrentUser users = org.mockito.Mockito.mock(org.lotflow.security.CurrentUser.class);
        org.mockito.Mockito.when(users.nameWithId(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(a -> "Name (" + a.getArgument(0) + ")");
        org.lotflow.lot.Lot lot = org.mockito.Mockito.mock(org.lotflow.lot.Lot.class);
        org.mockito.Mockito.when(lot.getId()).thenReturn(7L);
        org.mockito.Mockito.when(queries.investigations(7L)).thenReturn(java.util.List.of(round1));
        OosForms forms = new OosForms(queries, users);

        org.mockito.Mockito.when(queries.verdict(7L)).thenReturn(org.lotflow.release.LabVerdict.of(2, "jennifer", t,
                java.util.List.of()));
        assertThat(forms.oosHistory(lot)).endsWith("\nThe retest, round 2, was recorded by Name (jennifer), who"
                + " invalidated round 1 as a laboratory error: FDA's guidance on OOS results wants the retest independent"
                + " of the invalidation; weigh this before you sign.").doesNotContain("analyst of round 1");

        org.mockito.Mockito.when(queries.verdict(7L)).thenReturn(org.lotflow.release.LabVerdict.of(2, "tom", t,
                java.util.List.of()));
        assertThat(forms.oosHistory(lot)).doesNotContain("The retest").endsWith("Its results stay on record.");
    }
}
