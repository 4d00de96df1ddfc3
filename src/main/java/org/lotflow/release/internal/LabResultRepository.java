package org.lotflow.release.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The {@code lab_result} rows of the release module: written once per test round, never changed (a
 * retest is a new round; the original stays).
 */
public interface LabResultRepository extends JpaRepository<LabResult, Long> {

    // JPQL strings, not derived queries: Hibernate 6.6 caches their plans, not a derived query's criteria (issue #11)

    /** Every result of the lot, all rounds, in the order recorded. */
    @Query("select r from LabResult r where r.lotId = :lotId order by r.id")
    List<LabResult> findByLotIdOrderByIdAsc(Long lotId);

    /** The results of one round, in the order recorded. */
    @Query("select r from LabResult r where r.lotId = :lotId and r.round = :round order by r.id")
    List<LabResult> findByLotIdAndRoundOrderByIdAsc(Long lotId, int round);

    /** The lot's latest test round, 0 when no result was recorded. */
    @Query("select coalesce(max(r.round), 0) from LabResult r where r.lotId = :lotId")
    int latestRound(Long lotId);
}
