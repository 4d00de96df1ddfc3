package org.lotflow.release;

import org.lotflow.release.internal.ReleaseQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release module's stored lab results for other modules (the certificate of analysis, issue #13): a
 * lot's verdict is that of its latest test round (earlier rounds were invalidated by an assignable
 * laboratory error, FDA OOS guidance), read from {@code lab_result}, never from a process variable.
 */
@Service
public class LabRecords {

    private final ReleaseQueries queries;

    public LabRecords(ReleaseQueries queries) {
        this.queries = queries;
    }

    /**
     * The verdict of the lot's latest test round, each test with its value, unit, the limits it was judged
     * against (as copied when recorded) and PASS/FAIL, and the analyst who recorded it; null when the lot
     * has no lab results.
     */
    @Transactional(readOnly = true)
    public LabVerdict current(Long lotId) {
        return queries.verdict(lotId);
    }
}
