package org.lotflow.recall.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.shared.InvalidInput;
import org.lotflow.trace.Direction;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds and row-locks a recall's scope: the named lots, then their whole downstream trace
 * ({@link TraceService#walkWhole}: 409 when the genealogy is deeper than the trace bound), locked
 * in ascending id order through the lot module ({@link LotStock}), so two recalls of the same lot
 * queue and the second sees it RECALLED.
 */
@Component
class ScopeLocks {

    /** Walk-and-lock rounds before the scope is taken as it is. */
    private static final int ROUNDS = 10;

    private final TraceService traces;
    private final LotStock lotStock;

    ScopeLocks(TraceService traces, LotStock lotStock) {
        this.traces = traces;
        this.lotStock = lotStock;
    }

    /**
     * A locked scope: the named lots by number, every lot of the downstream trace (depth 0 for the
     * named ones) and the locked lots by id.
     */
    record Locked(Map<String, Lot> named, List<Trace.TracedLot> scope, Map<Long, Lot> locked) {

        /** A lot of the scope under its lock (locked now if a last walk found it after the rounds). */
        Lot lot(Trace.TracedLot traced, LotStock lotStock) {
            return locked.computeIfAbsent(traced.id(), id -> lotStock.lockAll(List.of(id)).get(0));
        }
    }

    /** Locks the named lots (400 naming {@code lots[i]} for an unknown one) and their downstream scope. */
    @Transactional(propagation = Propagation.MANDATORY)
    Locked lock(List<String> lotNumbers) {
        Map<String, Lot> named = new HashMap<>();
        for (Lot l : lotStock.lockAllByLotNumber(lotNumbers)) {
            named.put(l.getLotNumber(), l);
        }
        for (int i = 0; i < lotNumbers.size(); i++) {
            if (!named.containsKey(lotNumbers.get(i))) {
                throw new InvalidInput("lots[" + i + "]", "no lot '" + lotNumbers.get(i) + "'");
            }
        }
        // Walk, lock, and walk again until the scope is stable: a lot made concurrently from a lot of
        // the scope (its creation held that lot's row) is seen once we hold the row; later creations
        // find the source RECALLED and are refused.
        List<Long> startIds = named.values().stream().map(Lot::getId).toList();
        List<Trace.TracedLot> scope = traces.walkWhole(startIds, Direction.DOWNSTREAM);
        Map<Long, Lot> locked = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> missing = scope.stream().map(Trace.TracedLot::id).filter(id -> !locked.containsKey(id))
                    .sorted().toList();
            if (missing.isEmpty()) {
                break;
            }
            for (Lot l : lotStock.lockAll(missing)) {
                locked.put(l.getId(), l);
            }
            scope = traces.walkWhole(startIds, Direction.DOWNSTREAM);
        }
        return new Locked(named, scope, locked);
    }
}
