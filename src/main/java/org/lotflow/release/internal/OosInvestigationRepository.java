package org.lotflow.release.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code oos_investigation} rows of the release module: one per out-of-specification test round of a lot. */
public interface OosInvestigationRepository extends JpaRepository<OosInvestigation, Long> {

    Optional<OosInvestigation> findByLotIdAndRound(Long lotId, int round);

    List<OosInvestigation> findByLotIdOrderByRoundAsc(Long lotId);
}
