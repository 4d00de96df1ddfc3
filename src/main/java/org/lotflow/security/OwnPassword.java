package org.lotflow.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password someone else set is not a signature's (21 CFR 11.300(b), 11.200(a)(2): an electronic signature is used
 * only by its genuine owner, so its password is known to that owner alone), and an identity an administrator made or
 * re-made is a signer's only once a second person confirmed it (21 CFR 11.100(b): the organization verifies an
 * individual's identity before it sanctions their electronic signature; EU GMP Annex 11 §12.1).
 *
 * <p>When an administrator created a user with a password or set a user's password (a reset), that user signs and
 * records quality work again only after (1) setting a password of their own, and then (2) another administrator than
 * the one who set it confirming the user's identity ({@code SIGNER_CONFIRMED}, {@link SignerConfirmation}). Until
 * then they may log in, read and change their password. Without (2), one administrator alone could create an account
 * in a role group, set its "own" password himself with the password he chose, and sign as that person (auditor
 * 2026-12-06 C-f), or reset a signer's password, log in as them and do the same. Start-up identities (demo data, the
 * first administrator) are set by lotflow itself and count as the user's own. Rule only: the events come from the
 * security audit trail ({@link SecurityEvents#passwordHistory}), newest first.
 */
final class OwnPassword {

    private static final Pattern BY = Pattern.compile("\\bby ([^,\\s]+)");

    private OwnPassword() {
    }

    /** Who set the password an event records ({@code "created by demo, with a password"}, {@code "password set by sarah"}). */
    static String setBy(SecurityEvent event) {
        if (event == null || event.detail() == null) {
            return null;
        }
        Matcher m = BY.matcher(event.detail());
        return m.find() ? m.group(1) : null;
    }

    /** Whether someone other than {@code userId} and lotflow itself set the password {@code event} records. */
    static boolean setBySomeoneElse(String userId, SecurityEvent event) {
        String by = setBy(event);
        return by != null && !by.equals(userId) && !CurrentUser.SYSTEM.equals(by);
    }

    /**
     * The newest password an administrator (anyone but the user and lotflow) set for {@code userId}, from
     * {@code history} (newest first, as {@link SecurityEvents#passwordHistory} reads it), or null when every password
     * was the user's own.
     */
    static SecurityEvent lastSetBySomeoneElse(String userId, List<SecurityEvent> history) {
        int at = lastSetBySomeoneElseAt(userId, history);
        return at < 0 ? null : history.get(at);
    }

    /** The index in {@code history} of {@link #lastSetBySomeoneElse}, or -1. */
    private static int lastSetBySomeoneElseAt(String userId, List<SecurityEvent> history) {
        for (int i = 0; i < history.size(); i++) {
            SecurityEvent e = history.get(i);
            if (e.type() != SecurityEvent.Type.SIGNER_CONFIRMED && setBySomeoneElse(userId, e)) {
                return i;
            }
        }
        return -1;
    }

    /** The newest event of {@code history} that set the password (not a confirmation), or null. */
    static SecurityEvent lastPasswordSet(List<SecurityEvent> history) {
        return history.stream().filter(e -> e.type() != SecurityEvent.Type.SIGNER_CONFIRMED).findFirst().orElse(null);
    }

    /** Why {@code userId} may not sign or record quality work, given their password {@code history}, or null when they may. */
    static String refusal(String userId, List<SecurityEvent> history) {
        SecurityEvent last = lastPasswordSet(history);
        if (last != null && setBySomeoneElse(userId, last)) {
            // said to the user themselves, in words (new user 2026-12-05 V10: it read like a log line)
            return "The password of " + userId + " was set by " + setBy(last) + " (" + when(last) + "), so it is not "
                    + userId + "'s alone: set a password of your own first (Tasklist: your name at the top right, My"
                    + " Profile, Change Password; a script: PUT /engine-rest/user/" + userId + "/credentials), then"
                    + " ask an administrator other than " + setBy(last) + " to confirm that it is you, then sign and"
                    + " record (21 CFR 11.300(b), 11.100(b))";
        }
        int otherAt = lastSetBySomeoneElseAt(userId, history);
        if (otherAt < 0 || confirmedSince(userId, otherAt, history)) {
            return null;
        }
        SecurityEvent other = history.get(otherAt);
        return "The identity of " + userId + " has not been confirmed since " + setBy(other) + " set their password ("
                + when(other) + "): an administrator other than " + setBy(other) + " and " + userId + " confirms that"
                + " the person who set the password of their own is " + userId + " (lotflow Console: Signers; or POST"
                + " /api/security/users/" + userId + "/signer-confirmation), then " + userId + " signs and records"
                + " (21 CFR 11.100(b))";
    }

    /**
     * Whether a confirmation newer than the user's first own password after the administrator's at {@code otherAt} names a confirmer who neither
     * set that password nor is the user (an earlier confirmation, also one racing a new reset, counts for nothing).
     */
    static boolean confirmedSince(String userId, int otherAt, List<SecurityEvent> history) {
        SecurityEvent other = history.get(otherAt);
        int firstOwn = -1; // the oldest password event newer than the administrator's (newest first: a smaller index)
        for (int i = otherAt - 1; i >= 0; i--) {
            if (history.get(i).type() != SecurityEvent.Type.SIGNER_CONFIRMED) {
                firstOwn = i;
                break;
            }
        }
        for (int i = firstOwn - 1; i >= 0; i--) {
            SecurityEvent e = history.get(i);
            String by = setBy(e);
            if (e.type() == SecurityEvent.Type.SIGNER_CONFIRMED && by != null && !by.equals(userId)
                    && !by.equals(setBy(other))) {
                return true;
            }
        }
        return false;
    }

    static String when(SecurityEvent event) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(event.at());
    }
}
