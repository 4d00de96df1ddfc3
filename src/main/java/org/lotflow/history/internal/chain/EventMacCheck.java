package org.lotflow.history.internal.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;

/**
 * The verification's check of every lot event's record seal ({@link EventMac}; audit29 F4; 21 CFR 11.10(e), 11.70;
 * EU GMP Annex 11 §9, §14): every row of {@code lot_event}, sealed into the chain or not, must carry a record seal
 * made with lotflow's key over its content. A row written by SQL (a forged signature), or whose record seal was
 * changed, has none: it is never sealed into the chain ({@link AuditSealer}) and is named here, the first
 * {@value #NAMED} by id (event id, lot, type), with the count of the rest. Reads the table once, in id order,
 * through a cursor; the caller holds a read-only transaction.
 */
@Component
public class EventMacCheck {

    /** How many rows a verification names at most. */
    public static final int NAMED = 20;

    private final AuditChainStore store;
    private final AuditMacKey key;

    public EventMacCheck(AuditChainStore store, AuditMacKey key) {
        this.store = store;
        this.key = key;
    }

    /** A row without a valid record seal. */
    public record Unsealed(long eventId, long lotId, String type) {
    }

    /** The result: the first {@value #NAMED} rows without a valid record seal, and how many there are in all. */
    public record Result(List<Unsealed> named, long total) {

        public boolean clean() {
            return total == 0;
        }

        /** One sentence per named row, e.g. "event 812 of lot IL250-2025-099 (RELEASE_APPROVED) was not written...". */
        public String problem(LongFunction<String> lotNumberOf) {
            List<String> lines = new ArrayList<>();
            for (Unsealed u : named) {
                String lot = lotNumberOf.apply(u.lotId());
                lines.add("event " + u.eventId() + " of lot " + (lot == null ? "#" + u.lotId() : lot) + " ("
                        + u.type() + ") was not written by lotflow: its record seal does not match");
            }
            String text = String.join("; ", lines);
            return total > named.size() ? text + "; and " + (total - named.size()) + " more such events" : text;
        }
    }

    public Result check() {
        List<Unsealed> named = new ArrayList<>();
        long[] total = {0};
        store.eachWithMac(0, stored -> {
            ChainHash.Event e = stored.event();
            if (!key.valid(e, stored.mac())) {
                total[0]++;
                if (named.size() < NAMED) {
                    named.add(new Unsealed(e.id(), e.lotId(), e.type()));
                }
            }
        });
        return new Result(List.copyOf(named), total[0]);
    }
}
