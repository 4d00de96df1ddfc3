package org.lotflow.history.internal.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the product master data that chained lot events name by fingerprint (a plain rule: no Spring, no database;
 * fed by {@link AuditChainStore#walk} beside {@link ChainWalk}; 21 CFR 11.10(e), EU GMP Annex 11 §9; sig28 M1). A
 * lot's {@code CREATED} and every {@code LAB_RESULTS_RECORDED} carry {@code detail.productMasterData = {sku, sha256}},
 * the SHA-256 of the product's master data and specification when the event was written
 * ({@code org.lotflow.product.ProductFingerprint}). Products are never changed, so each fingerprint must still be
 * the product's: the first event (in chain order) whose product no longer gives it, or no longer exists, is the
 * break. The walk keeps each distinct (sku, sha256) once with its first position; the products are read after the
 * walk ({@link #end}), once per SKU.
 */
public final class MasterDataWalk {

    /** The detail key of the fingerprint (as {@code org.lotflow.product.ProductFingerprint.DETAIL}). */
    static final String DETAIL = "productMasterData";

    private static final List<String> TYPES = List.of("CREATED", "LAB_RESULTS_RECORDED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Recorded(String sku, String sha256) {
    }

    private record First(long position, long eventId) {
    }

    private final Map<Recorded, First> firsts = new LinkedHashMap<>();

    /** One sealed event at its position (null when the event is gone: the chain walk names that). */
    public void accept(long position, ChainHash.Event event) {
        if (event == null || !TYPES.contains(event.type()) || event.detail() == null
                || !event.detail().contains("\"" + DETAIL + "\"")) {
            return;
        }
        JsonNode recorded;
        try {
            recorded = JSON.readTree(event.detail()).get(DETAIL);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // a detail that is no JSON is no record of a fingerprint (the chain walk vouches for its text)
        }
        if (recorded == null || !recorded.hasNonNull("sku") || !recorded.hasNonNull("sha256")) {
            return;
        }
        firsts.putIfAbsent(new Recorded(recorded.get("sku").asText(), recorded.get("sha256").asText()),
                new First(position, event.id()));
    }

    /**
     * After the walk: compares every recorded fingerprint with the product's now ({@code current}: SKU to its
     * fingerprint as stored now, empty when there is no such product) and answers the first break in chain order,
     * or null when every product still gives what its events recorded.
     */
    public ChainWalk.Break end(Function<String, Optional<String>> current) {
        Map<String, Optional<String>> now = new LinkedHashMap<>();
        ChainWalk.Break first = null;
        for (Map.Entry<Recorded, First> e : firsts.entrySet()) {
            Recorded r = e.getKey();
            Optional<String> sha = now.computeIfAbsent(r.sku(), current);
            if (sha.isPresent() && sha.get().equals(r.sha256())) {
                continue;
            }
            if (first == null || e.getValue().position() < first.position()) {
                first = new ChainWalk.Break(e.getValue().position(), e.getValue().eventId(), sha.isEmpty()
                        ? "product " + r.sku() + ", which event " + e.getValue().eventId() + " names with the"
                                + " fingerprint of its master data, no longer exists: it was removed or renamed in the"
                                + " database"
                        : "the master data or specification of product " + r.sku() + " no longer matches the"
                                + " fingerprint event " + e.getValue().eventId() + " recorded (sha256 " + r.sha256()
                                + ", now " + sha.get() + "): it was changed in the database");
            }
        }
        return first;
    }
}
