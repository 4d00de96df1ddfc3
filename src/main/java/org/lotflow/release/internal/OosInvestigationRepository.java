package org.lotflow.release.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The {@code oos_investigation} rows of the release module: one per out-of-specification test round of a lot. */
public interface OosInvestigationRepository extends JpaRepository<OosInvestigation, Long> {

    // JPQL strings, not derived queries: Hibernate 6.6 caches their plans, not a derived query's criteria (issue #11)
    @Query("select i from OosInvestigation i where i.lotId = :lotId and i.round = :round")
    Optional<OosInvestigation> findByLotIdAndRound(Long lotId, int round);

    @Query("select i from OosInvestigation i where i.lotId = :lotId order by i.round")
    List<OosInvestigation> findByLotIdOrderByRoundAsc(Long lotId);
}
