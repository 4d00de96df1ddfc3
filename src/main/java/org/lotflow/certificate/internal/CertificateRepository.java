package org.lotflow.certificate.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The {@code certificate} rows: written once at issue, read by lot and number. */
public interface CertificateRepository extends JpaRepository<Certificate, Long> {

    // JPQL strings, not derived queries: Hibernate 6.6 caches their plans, not a derived query's criteria (issue #11)

    /** Every certificate of the lot, the first issued first (the last is the current one). */
    @Query("select c from Certificate c where c.lotId = :lotId order by c.id")
    List<Certificate> findByLotIdOrderByIdAsc(Long lotId);

    /** The lot's latest certificate (its current one), if any. */
    @Query("select c from Certificate c where c.id = (select max(d.id) from Certificate d where d.lotId = :lotId)")
    Optional<Certificate> findFirstByLotIdOrderByIdDesc(Long lotId);
}
