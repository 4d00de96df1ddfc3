package org.lotflow.quarantine.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface HoldRepository extends JpaRepository<Hold, Long> {

    Optional<Hold> findByActiveLotId(Long lotId);

    Optional<Hold> findFirstByLotIdOrderByIdDesc(Long lotId);

    Optional<Hold> findByProcessInstanceId(String processInstanceId);
}
