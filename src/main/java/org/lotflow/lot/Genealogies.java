package org.lotflow.lot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.lotflow.lot.internal.GenealogyQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's genealogy API: which lots were made from which (the {@code lot_source} edges),
 * walked in either direction. Other modules (trace, recall) read the genealogy only through this
 * class, never the {@code lot_source} table (issue 10).
 *
 * <p>Each walk is one recursive query ({@code WITH RECURSIVE}, the same text on H2 2.x and
 * PostgreSQL), performance-critical at a million lots: the recursive part collects (lot, depth)
 * pairs with {@code UNION}, which drops duplicate pairs, and each lot is answered once at its
 * smallest depth, so shared inputs (diamonds) appear once. Walks stop at {@code maxDepth} levels;
 * {@link #continuesBeyond} says whether genealogy was left beyond the bound (FSMA 204: a trace
 * that is cut must say so).
 */
@Service
public class Genealogies {

    /** Which way a walk goes: from a lot to what was made from it, or to what it was made from. */
    public enum Way {
        /** From source lots to the lots made from them ("where did lot X go?"). */
        DOWNSTREAM,
        /** From a lot to its source lots ("what is lot X made of?"). */
        UPSTREAM
    }

    /**
     * A lot reached by a walk, at its smallest {@code depth} (0 for a start lot). {@code quantities}: the
     * lot's quantities and their rule ({@link LotQuantities}), in the product's {@code unit}.
     * {@code links}: the genealogy edges between this lot and the other lots reached (downstream: its
     * sources among them; upstream: the reached lots it went into).
     */
    public record ReachedLot(Long id, String lotNumber, String sku, String productName, String unit, String status,
            int depth, LotQuantities quantities, String location, LocalDate manufactureDate, List<Edge> links) {
    }

    /** One genealogy edge: {@code quantity} (in the source's unit) of lot {@code source} went into lot {@code made}. */
    public record Edge(String source, String made, BigDecimal quantity) {
    }

    private final GenealogyQueries queries;

    public Genealogies(GenealogyQueries queries) {
        this.queries = queries;
    }

    /**
     * Every lot reached from the start lots (depth 0) within {@code maxDepth} levels, in one query,
     * each once at its smallest depth; ordered by depth, then lot number. Empty for no start lots.
     */
    @Transactional(readOnly = true)
    public List<ReachedLot> walk(Collection<Long> startIds, Way way, int maxDepth) {
        return startIds.isEmpty() ? List.of() : queries.walk(startIds, way == Way.DOWNSTREAM, maxDepth);
    }

    /** Whether genealogy goes on beyond {@code maxDepth} levels from the start lots (the walk was cut). */
    @Transactional(readOnly = true)
    public boolean continuesBeyond(Collection<Long> startIds, Way way, int maxDepth) {
        return !startIds.isEmpty() && queries.edgesBeyond(startIds, way == Way.DOWNSTREAM, maxDepth) > 0;
    }

    /** The genealogy edges whose both ends are among these lots, by made lot number then source lot number. */
    @Transactional(readOnly = true)
    public List<Edge> edgesAmong(Collection<Long> lotIds) {
        return lotIds.isEmpty() ? List.of() : queries.edgesAmong(lotIds);
    }
}
