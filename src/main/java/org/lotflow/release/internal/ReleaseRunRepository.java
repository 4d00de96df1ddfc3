package org.lotflow.release.internal;

import org.springframework.data.jpa.repository.JpaRepository;

/** The {@code lot_release_run} rows: one per lot, written by {@link ReleaseRunBinding}. */
interface ReleaseRunRepository extends JpaRepository<ReleaseRun, Long> {
}
