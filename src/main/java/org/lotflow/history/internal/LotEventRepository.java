package org.lotflow.history.internal;

import java.util.List;


import org.springframework.data.repository.Repository;

/** Append-only: no update or delete methods exist. */
public interface LotEventRepository extends Repository<LotEvent, Long> {

    LotEvent save(LotEvent event);

    List<LotEvent> findByLotIdOrderByIdAsc(Long lotId);

    List<LotEvent> findByLotIdAndTypeOrderByIdAsc(Long lotId, String type);
}
