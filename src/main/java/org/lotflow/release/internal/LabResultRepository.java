package org.lotflow.release.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code lab_result} rows of the release module (written once per lot, never changed). */
public interface LabResultRepository extends JpaRepository<LabResult, Long> {

    List<LabResult> findByLotIdOrderByIdAsc(Long lotId);

    boolean existsByLotId(Long lotId);
}
