package org.lotflow.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password someone else set is not a signature's (21 CFR 11.300(b), 11.200(a)(2): an electronic signature is used
 * only by its genuine owner, so its password is known to that owner alone). When an administrator created a user with
 * a password or set a user's password (a reset), that user signs and records quality work again only after setting a
 * password of their own; until then they may log in, read and change their password. Start-up identities (demo data,
 * the first administrator) are set by lotflow itself and count as the user's own. Rule only: the last password event
 * comes from the security audit trail ({@link SecurityEvents#lastPasswordSet}).
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

    /** Why {@code userId} may not sign or record quality work with the password {@code last} set, or null when they may. */
    static String refusal(String userId, SecurityEvent last) {
        String by = setBy(last);
        if (by == null || by.equals(userId) || CurrentUser.SYSTEM.equals(by)) {
            return null;
        }
        // said to the user themselves, in words (new user 2026-12-05 V10: it read like a log line)
        String when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(last.at());
        return "The password of " + userId + " was set by " + by + " (" + when + "), so it is not " + userId + "'s"
                + " alone: set a password of your own first (Tasklist: your name at the top right, My Profile, Change"
                + " Password; a script: PUT /engine-rest/user/" + userId + "/credentials), then sign and record"
                + " (21 CFR 11.300(b))";
    }
}
