package org.lotflow.shared;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One name per reading of a party (a customer, a supplier): the first name recorded for what a name prints as
 * ({@code shared.input.PartyNames.printsAs}) is kept in {@code party_reading} under a primary key (V147). A later name
 * of the same reading is the same party when it is the same text capitals aside, and a look-alike otherwise. Two
 * look-alikes sent at the same moment meet at the key: the database makes the second wait for the first's
 * transaction and then reports the key taken, so exactly one is recorded (no check-then-insert race; re-test
 * 2026-12-06: two look-alike suppliers once both passed a lock-and-look check). Customers and suppliers are read from
 * {@code sales_order} and {@code lot} as before; this table only decides which spelling a reading has.
 */
@Component
public class PartyReadings {

    private final JdbcTemplate jdbc;

    public PartyReadings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code name} as the name of its {@code reading} for {@code kind} ("customer", "supplier") unless one is
     * recorded; in the caller's transaction. Returns null when {@code name} is that party (recorded now, or the same
     * text capitals aside), else the name on record it only looks like (or, when the other's row is not readable yet,
     * the name as "another spelling being recorded at this moment").
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String lookAlikeOf(String kind, String reading, String name) {
        String hash = hash(reading);
        List<String> known = jdbc.queryForList("SELECT name FROM party_reading WHERE kind = ? AND reading_hash = ?",
                String.class, kind, hash);
        if (known.isEmpty() && InsertUnlessThere.insert(jdbc,
                "INSERT INTO party_reading (kind, reading_hash, name) VALUES (?, ?, ?)", kind, hash, name)) {
            return null;
        }
        if (known.isEmpty()) {
            known = jdbc.queryForList("SELECT name FROM party_reading WHERE kind = ? AND reading_hash = ?",
                    String.class, kind, hash);
        }
        String onRecord = known.isEmpty() ? "another spelling being recorded at this moment" : known.get(0);
        return sameText(onRecord, name) ? null : onRecord;
    }

    /**
     * Refuses {@code name} of a {@code kind} ("customer", "supplier": also the field the refusal names) with 409 when it
     * prints like a party on record ({@code onRecord}: the names of its reading in the kind's own table) or like the
     * name recorded for its reading here ({@link #lookAlikeOf}), but is other text, capitals aside: one party, one
     * name in every recall list and export. Needs the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireOneName(String kind, String name,
            java.util.function.Function<String, List<String>> onRecord) {
        String reading = org.lotflow.shared.input.PartyNames.printsAs(name);
        List<String> alike = new java.util.ArrayList<>(onRecord.apply(reading));
        String registered = lookAlikeOf(kind, reading, name);
        if (registered != null) {
            alike.add(registered);
        }
        // the reading of its lower case too, first come first kept: the name every spelling of the party is exported
        // under ({@link #oneNames}; the skeleton reads a capital I as l, so "ALLIED" alone reads apart; re-test F2)
        String lowerReading = org.lotflow.shared.input.PartyNames.printsAs(folded(name));
        if (!lowerReading.equals(reading)) {
            String lower = lookAlikeOf(kind, lowerReading, name);
            if (lower != null) {
                alike.add(lower);
            }
        }
        for (String known : alike) {
            if (!sameText(known, name)) {
                throw new StateConflict("'" + name + "' prints like the " + kind + " '" + known + "' already on"
                        + " record, but is other text: use that name (or, for another company, a name that tells"
                        + " them apart)").with("field", kind);
            }
        }
    }

    /**
     * The one name of each of these parties of a {@code kind} ("customer", "supplier"): the name recorded for the
     * reading of its lower case (the party's first spelling: {@link #requireOneName} records it, V152 for the parties
     * on record before), or else of itself, when it is the same text capitals aside ("ACME Foods" written on one order and "Acme Foods" on another
     * are one customer, and every trace, EPCIS document and FSMA 204 record names it alike: auditor's re-test
     * 2026-12-06 Y12), else the name itself (a look-alike recorded before V147 stays the name it was given). One query
     * per 1,000 names; read-only, in any transaction or none.
     */
    public java.util.Map<String, String> oneNames(String kind, java.util.Collection<String> names) {
        // each name's reading and the reading of its lower case: the confusable skeleton reads a capital I as l, so
        // "ALLIED MACHINING" reads apart from "Allied Machining" and is found by its lower case (re-test 2026-12-06 F2)
        java.util.Map<String, String> hashByName = new java.util.HashMap<>();
        java.util.Map<String, String> lowerHashByName = new java.util.HashMap<>();
        for (String name : names) {
            if (name != null && !hashByName.containsKey(name)) {
                hashByName.put(name, hash(org.lotflow.shared.input.PartyNames.printsAs(name)));
                lowerHashByName.put(name, hash(org.lotflow.shared.input.PartyNames.printsAs(folded(name))));
            }
        }
        java.util.Map<String, String> recorded = new java.util.HashMap<>();
        java.util.Set<String> all = new java.util.LinkedHashSet<>(hashByName.values());
        all.addAll(lowerHashByName.values());
        List<String> hashes = new java.util.ArrayList<>(all);
        for (int from = 0; from < hashes.size(); from += 1000) {
            List<String> part = hashes.subList(from, Math.min(hashes.size(), from + 1000));
            jdbc.query("SELECT reading_hash, name FROM party_reading WHERE kind = ? AND reading_hash = ANY(?)",
                    rs -> {
                        recorded.put(rs.getString(1).trim(), rs.getString(2));
                    }, kind, new org.springframework.jdbc.support.SqlArrayValue("varchar", part.toArray()));
        }
        java.util.Map<String, String> one = new java.util.HashMap<>();
        hashByName.forEach((name, hash) -> {
            String ofLowerCase = recorded.get(lowerHashByName.get(name));
            String onRecord = recorded.get(hash);
            one.put(name, ofLowerCase != null && sameText(ofLowerCase, name) ? ofLowerCase
                    : onRecord != null && sameText(onRecord, name) ? onRecord : name);
        });
        return one;
    }

    /**
     * A name with its capitals folded the full Unicode way (ICU case folding: "STRASSE", "Straße" and "STRAẞE" fold
     * alike; re-test 2026-12-06 N5), the Turkish capital dotted I ("İzmir") folding to i as "IZMIR" does (full folding
     * gives i with a combining dot above), the text its "lower-case" reading is taken of.
     */
    public static String folded(String name) {
        return com.ibm.icu.lang.UCharacter.foldCase(name, true).replace("i\u0307", "i");
    }

    /** Whether two names are the same text capitals aside (ICU full case folding: ß and SS alike). */
    public static boolean sameText(String a, String b) {
        return a.equalsIgnoreCase(b) || folded(a).equals(folded(b));
    }

    /** The key of a reading: its SHA-256 in 64 hex digits (a reading may be longer than a key should be). */
    public static String hash(String reading) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(reading.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
