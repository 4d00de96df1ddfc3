package org.lotflow.certificate.internal;

import org.lotflow.certificate.CertificateNumber;
import org.lotflow.shared.ClusterLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-year certificate sequence ({@code COA-{yyyy}-{seq:4}}), handed out inside the releasing
 * transaction and its own connection. Concurrent releases queue on the cluster lock
 * {@code certificate-sequence} ({@link ClusterLock}, held until commit); under it the year's row is
 * incremented, or created at 1 for the year's first certificate, so no two certificates get the same
 * number (the unique keys {@code uk_certificate_number} and {@code uk_certificate_seq} would refuse it
 * anyway) and a rolled-back release gives its number back.
 */
@Component
public class CertificateSequence {

    private final JdbcTemplate jdbc;
    private final ClusterLock lock;

    public CertificateSequence(JdbcTemplate jdbc, ClusterLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CertificateNumber next(int year) {
        lock.holdUntilCommit("certificate-sequence");
        int value;
        if (jdbc.update("UPDATE certificate_sequence SET last_value = last_value + 1 WHERE seq_year = ?",
                year) == 1) {
            value = jdbc.queryForObject("SELECT last_value FROM certificate_sequence WHERE seq_year = ?",
                    Integer.class, year);
        } else {
            jdbc.update("INSERT INTO certificate_sequence (seq_year, last_value) VALUES (?, 1)", year);
            value = 1;
        }
        return new CertificateNumber(year, value);
    }
}
