package org.lotflow.history.internal;

import java.util.List;


import org.springframework.data.repository.Repository;

/** Append-only: no update or delete methods exist. */
public interface LotEventRepository extends Repository<LotEvent, Long> {

    LotEvent save(LotEvent event);

    /** A JPQL string, not a derived query: Hibernate 6.6 caches its plan, not a derived query's criteria (issue #11). */
    @org.springframework.data.jpa.repository.Query("select e from LotEvent e where e.lotId = :lotId order by e.id")
    List<LotEvent> findByLotIdOrderByIdAsc(@org.springframework.data.repository.query.Param("lotId") Long lotId);

    List<LotEvent> findByLotIdAndTypeOrderByIdAsc(Long lotId, String type);

    /** The lot's events of these types, oldest first (its signed decisions: a lot view reads only those). */
    @org.springframework.data.jpa.repository.Query("select e from LotEvent e where e.lotId = :lotId and e.type in :types"
            + " order by e.id")
    List<LotEvent> findOfTypes(@org.springframework.data.repository.query.Param("lotId") Long lotId,
            @org.springframework.data.repository.query.Param("types") java.util.Collection<String> types);
}
