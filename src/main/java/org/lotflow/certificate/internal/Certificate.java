package org.lotflow.certificate.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One issued certificate of analysis ({@code certificate}): its number, the lot, when and on whose
 * release it was issued, and its content as issued (JSON of a
 * {@link org.lotflow.certificate.CertificateView} without its standing). Written once, never changed:
 * every column is not updatable.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "certificate_number", nullable = false, updatable = false, length = 32)
    private String number;

    @Column(name = "seq_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private Long lotId;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, updatable = false, length = 64)
    private String issuedBy;

    @Column(nullable = false, updatable = false, length = 1000000)
    private String content;

    protected Certificate() {
    }

    public Certificate(String number, int year, int seq, Long lotId, Instant issuedAt, String issuedBy,
            String content) {
        this.number = number;
        this.year = year;
        this.seq = seq;
        this.lotId = lotId;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.content = content;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public int getYear() {
        return year;
    }

    public int getSeq() {
        return seq;
    }

    public Long getLotId() {
        return lotId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public String getContent() {
        return content;
    }
}
