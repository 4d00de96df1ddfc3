package org.lotflow.lot;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One edge of the genealogy: {@code lot} was made from {@code quantity} of {@code sourceLot}. */
@Entity
@Table(name = "lot_source")
public class Genealogy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lot_id")
    private Lot lot;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_lot_id")
    private Lot sourceLot;

    @Column(nullable = false, precision = 19, scale = 3)
    private BigDecimal quantity;

    protected Genealogy() {
    }

    Genealogy(Lot lot, Lot sourceLot, BigDecimal quantity) {
        this.lot = lot;
        this.sourceLot = sourceLot;
        this.quantity = quantity;
    }

    public Lot getLot() {
        return lot;
    }

    public Lot getSourceLot() {
        return sourceLot;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }
}
