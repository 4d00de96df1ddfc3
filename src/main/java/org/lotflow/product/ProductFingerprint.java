package org.lotflow.product;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The content hash of a product's GMP master data, its specification included (21 CFR 11.10(e), EU GMP Annex 11 §9:
 * master data that lab results are judged against is trailed; sig28 M1), a plain rule without Spring or database:
 * <pre>
 *   canonical(product) = the JSON array [sku, name, description, unit, shelfLifeMonths, lotNumberPattern,
 *                        receivingStatus, gtin, category, retentionYears, serialised, serialPattern, createdAt,
 *                        createdBy, specs], retentionYears the product's own (null: its category's default),
 *                        createdAt as ISO-8601 UTC, absent values as null,
 *                        specs = [[test, unit, min, max], ...] in the specification's order, each limit as written
 *                        (plain decimal text, "245", "0.10") or null when open; no whitespace, UTF-8
 *   sha256(product)    = lowercase hex SHA-256 of canonical(product)
 * </pre>
 * A product is never changed after it is created (there is no update API), so every chained lot event that uses it
 * carries the same fingerprint: the lot's {@code CREATED} and every {@code LAB_RESULTS_RECORDED}, as
 * {@code detail.productMasterData = {sku, sha256}} ({@link #DETAIL}). The audit check
 * ({@code GET /api/audit/verify}) recomputes the fingerprint of each such event's product and names the first event
 * whose product no longer gives it: a specification or GMP field changed in the database (README, "Audit trail").
 */
public final class ProductFingerprint {

    /** The key of the fingerprint in a lot event's detail: {@code {"sku": ..., "sha256": ...}}. */
    public static final String DETAIL = "productMasterData";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductFingerprint() {
    }

    /** The canonical text of the product's master data (above). */
    public static String canonical(Product p) {
        List<List<String>> specs = new ArrayList<>();
        for (SpecLimit s : p.getSpecs()) {
            specs.add(Arrays.asList(s.getTest(), s.getUnit(), plain(s.getMin()), plain(s.getMax())));
        }
        try {
            return JSON.writeValueAsString(Arrays.asList(p.getSku(), p.getName(), p.getDescription(), p.getUnit(),
                    p.getShelfLifeMonths(), p.getLotNumberPattern().pattern(), p.getReceivingStatus().name(),
                    p.getGtin(), p.getCategory().name(), p.hasOwnRetention() ? p.getRetentionYears() : null,
                    p.isSerialised(), p.getSerialPattern().map(LotNumberPattern::pattern).orElse(null),
                    p.getCreatedAt() == null ? null : DateTimeFormatter.ISO_INSTANT.format(p.getCreatedAt()),
                    p.getCreatedBy(), specs));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /** The lowercase hex SHA-256 of {@link #canonical}. */
    public static String sha256(Product p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical(p).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", x);
        }
    }

    /** The value a lot event records under {@link #DETAIL}: {@code {sku, sha256}}. */
    public static Map<String, Object> detail(Product p) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("sku", p.getSku());
        detail.put("sha256", sha256(p));
        return detail;
    }

    private static String plain(java.math.BigDecimal limit) {
        return limit == null ? null : limit.toPlainString();
    }
}
