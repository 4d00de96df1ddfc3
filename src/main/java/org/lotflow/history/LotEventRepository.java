package org.lotflow.history;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Append-only: no update or delete methods exist. */
interface LotEventRepository extends Repository<LotEvent, Long> {

    LotEvent save(LotEvent event);

    List<LotEvent> findByLotIdOrderByIdAsc(Long lotId);

    List<LotEvent> findByLotIdAndTypeOrderByIdAsc(Long lotId, String type);
}
