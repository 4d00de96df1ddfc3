package org.lotflow.release;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReleaseRunRepository extends JpaRepository<ReleaseRun, Long> {
}
