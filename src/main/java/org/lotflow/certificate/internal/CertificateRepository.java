package org.lotflow.certificate.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code certificate} rows: written once at issue, read by lot and number. */
public interface CertificateRepository extends JpaRepository<Certificate, Long> {

    /** Every certificate of the lot, the first issued first (the last is the current one). */
    List<Certificate> findByLotIdOrderByIdAsc(Long lotId);

    /** The lot's latest certificate (its current one), if any. */
    Optional<Certificate> findFirstByLotIdOrderByIdDesc(Long lotId);
}
