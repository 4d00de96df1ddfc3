package org.lotflow.release;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LabResultRepository extends JpaRepository<LabResult, Long> {

    List<LabResult> findByLotIdOrderByIdAsc(Long lotId);

    boolean existsByLotId(Long lotId);
}
