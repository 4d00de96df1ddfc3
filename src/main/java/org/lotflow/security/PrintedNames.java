package org.lotflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lotflow.shared.PartyReadings;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.PartyNames;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every printed name a user has carried (table {@code printed_name_reading}): a signature prints its signer's name
 * (21 CFR 11.50(a)(1)), so a name stays its first holder's for good, also after they are renamed. Without it a
 * renamed QA manager's old name was free for another user, and two people's releases read "approved by Jennifer Lee"
 * (auditor 2026-12-07 H1).
 *
 * <p>A name is kept as its readings ({@link #readings}: the confusable skeleton of the name as written and in lower
 * case, as {@link IdentityLookups} compares names), each a SHA-256 hash and the table's key: when two administrators
 * give one name to two users at the same moment, the second insert fails on the key and its change is refused (409)
 * with nothing changed. Written by {@link IdentityChangeAudit} in the engine command that creates a user or changes
 * a name, so the name is on record exactly when the change is.
 */
@Component
public class PrintedNames {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PrintedNames(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A printed name ("Jennifer Lee") as a reader reads it: the confusable skeleton ({@link PartyNames#printsAs}:
     * case folded, UTS #39 skeleton) of its {@link #letters} as written and in lower case (a capital may be confusable
     * with other letters than its small letter is). Empty for a name without letters.
     */
    static Set<String> readings(String printedName) {
        String letters = letters(printedName);
        if (letters.isEmpty()) {
            return Set.of();
        }
        return Stream.of(PartyNames.printsAs(letters), PartyNames.printsAs(letters.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The letters of a name as a reader tells names apart: its compatibility form, composed (an accent typed apart
     * joins its letter: "José" stays "José"), then only its letters and the marks of their own script (a Devanagari
     * vowel sign); spaces, punctuation, modifier letters (U+02BC, read as an apostrophe) and the generic combining
     * marks that compose with nothing are left out
     * ("Jennifer Lee.", "Jennifer Lee ,", "Jennifer L\u0338ee" and "Jennifer Lee\u302D" read as "Jennifer Lee";
     * re-test 2026-12-07 G7, G2).
     */
    static String letters(String name) {
        if (name == null) {
            return "";
        }
        String composed = java.text.Normalizer.normalize(java.text.Normalizer.normalize(name,
                java.text.Normalizer.Form.NFKC), java.text.Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        Character.UnicodeScript[] letterScript = {null};
        composed.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            // modifier letters (an apostrophe-like U+02BC, a length mark) are read as the punctuation they look like
            // (re-test 2026-12-07 H1c-1: "\u02BCJennifer Lee" beside "Jennifer Lee")
            if (Character.isLetter(c) && type != Character.MODIFIER_LETTER) {
                kept.appendCodePoint(c);
                letterScript[0] = Character.UnicodeScript.of(c);
            } else if (mark && Character.UnicodeScript.of(c) == letterScript[0]) {
                // a mark of its letter's own script (a Devanagari vowel sign after a Devanagari letter); a mark of
                // another script after it is read as nothing (re-test H1c-2: a Hangul tone mark after a Latin r)
                kept.appendCodePoint(c);
            } else if (!mark) {
                letterScript[0] = null;
            }
        });
        return kept.toString();
    }

    /** {@link #readings} as the table keeps them: SHA-256, hex. */
    public static Set<String> readingHashes(String printedName) {
        return readings(printedName).stream().map(PartyReadings::hash).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The id of a user other than {@code exceptId} (capitals aside) who carried a name that reads as {@code printedName},
     * now or before a rename; null when none.
     */
    String formerHolder(String printedName, String exceptId) {
        Set<String> hashes = readingHashes(printedName);
        if (hashes.isEmpty()) {
            return null;
        }
        List<String> holders = jdbc.queryForList("SELECT user_id FROM printed_name_reading WHERE reading_hash IN ("
                + String.join(", ", hashes.stream().map(h -> "?").toList()) + ")", String.class, hashes.toArray());
        return holders.stream().filter(h -> !h.equalsIgnoreCase(exceptId == null ? "" : exceptId)).findFirst()
                .orElse(null);
    }

    /**
     * Records that {@code userId} carries {@code printedName} (a blank name: nothing). Refused with a
     * {@link StateConflict} when the name reads as one another user carried, also when that user was given it by
     * another request at this moment (the key decides).
     */
    void record(String userId, String printedName) {
        record(userId, printedName, "firstName");
    }

    /** {@link #record(String, String)}, a refusal naming {@code field} ("profile.firstName" for a new user). */
    void record(String userId, String printedName, String field) {
        String holder = formerHolder(printedName, userId);
        if (holder != null) {
            throw taken(printedName, holder, field);
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (String hash : readingHashes(printedName)) {
            try {
                jdbc.update("INSERT INTO printed_name_reading (reading_hash, user_id, printed_name, recorded_at)"
                        + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM printed_name_reading WHERE reading_hash = ?)",
                        hash, userId, printedName, now, hash);
            } catch (DuplicateKeyException lostRace) {
                throw taken(printedName, "another user, at this moment", field);
            }
        }
    }

    static org.lotflow.shared.Refusal taken(String printedName, String holder, String field) {
        // named as the surface's own check names it (re-test 2026-12-07 F9: a race's loser got no field)
        return new StateConflict("The printed name '" + printedName + "' is, or was, the name of " + (holder.startsWith(
                "another") ? holder : "the user '" + holder + "'") + "; every signature prints its signer's name, so a"
                + " name that signed stays its holder's: add what tells them apart (a middle initial, a second family"
                + " name); nothing was changed").with("field", field);
    }
}
