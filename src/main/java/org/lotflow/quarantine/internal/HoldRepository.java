package org.lotflow.quarantine.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface HoldRepository extends JpaRepository<Hold, Long> {

    // JPQL strings, not derived queries: Hibernate 6.6 caches their plans, not a derived query's criteria (issue #11)
    @Query("select h from Hold h where h.activeLotId = :lotId")
    Optional<Hold> findByActiveLotId(Long lotId);

    @Query("select h from Hold h where h.id = (select max(g.id) from Hold g where g.lotId = :lotId)")
    Optional<Hold> findFirstByLotIdOrderByIdDesc(Long lotId);

    @Query("select h from Hold h where h.lotId = :lotId and h.id < :beforeId order by h.id desc")
    java.util.List<Hold> findEarlier(Long lotId, Long beforeId);

    @Query("select h from Hold h where h.processInstanceId = :processInstanceId")
    Optional<Hold> findByProcessInstanceId(String processInstanceId);

    /** Who decided the hold and when, as committed now: a scalar read, not the entity this transaction holds. */
    @Query("select new org.lotflow.quarantine.internal.QuarantineQueries$Decided(h.decision, h.decidedBy, h.decidedAt)"
            + " from Hold h where h.id = :holdId")
    Optional<QuarantineQueries.Decided> findDecided(Long holdId);
}
