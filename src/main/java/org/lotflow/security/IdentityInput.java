package org.lotflow.security;

import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine's identity and authorization endpoints accept as input, whoever calls (README, "One gate for the
 * engine's surfaces"): ids, names, e-mails, profiles and authorization bodies. Plain rules tested without Spring; each
 * answers a {@link SurfaceRefusal} (400 naming the field, in words a QA person reads) or null when the input passes.
 * Who may make which call is {@link IdentityCalls}'; the checks that read the identity store are
 * {@link IdentitySurface}'s.
 *
 * <p>Why they exist: the engine answered such input with 500 and an ERROR in the log, or stored it silently changed
 * (auditor 2026-12-05 B4, E3, E4, E7, E8, E10, E12, E15, E17, E18, F2-F4, F7). Printed names are what an electronic
 * signature shows (21 CFR 11.50), so they carry no invisible or direction-changing characters.
 */
final class IdentityInput {

    private IdentityInput() {
    }

    /** Whether a {@code PUT user/{id}/profile} is the profile's own call and its body is refused (null: it passes). */
    static SurfaceRefusal profileBody(String resource, ObjectNode body) {
        Matcher profile = EngineResources.PROFILE.matcher(resource);
        if (!profile.matches()) {
            return null;
        }
        JsonNode id = body.path("id");
        if (id.isMissingNode() || id.isNull()) {
            // the engine answered 500 (auditor 2026-12-05 F7)
            return new SurfaceRefusal(400, "Invalid request", "id", "id: is required, the profile's own id '"
                    + profile.group(1) + "'");
        }
        if (!id.asText().equals(profile.group(1))) {
            return new SurfaceRefusal(400, "Invalid request", "id", "id: a user's id is never changed (it names them"
                    + " in every record they made, 21 CFR 11.100(a)); the profile of '" + profile.group(1) + "' keeps"
                    + " it, and a new person gets a new user");
        }
        return null;
    }

    /** The user ids the engine accepts (Camunda's default resource whitelist, which lotflow keeps for users). */
    static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9]+|camunda-admin");
    /** The group ids the engine accepts ({@code camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern}). */
    static final java.util.regex.Pattern GROUP_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");

    /**
     * A new user's or group's id the engine would refuse (400 naming {@code field}; auditor 2026-12-05 B4: the engine's
     * refusal reached the caller as a 500 and the log as an ERROR with a stack trace), else null.
     */
    static SurfaceRefusal newId(String field, String id, boolean group) {
        if (id.isEmpty()) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": is required");
        }
        if (id.length() > MAX_ID) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": is " + id.length() + " characters long;"
                    + " an id has at most " + MAX_ID);
        }
        if (id.equalsIgnoreCase(CurrentUser.SYSTEM)) {
            // auditor 2026-12-05 E10: a user "system" read as lotflow itself: passwords it set counted as their owners'
            // own, and its signatures printed "lotflow"
            return new SurfaceRefusal(400, "Invalid request", field, field + ": '" + id + "' is the name lotflow's"
                    + " records give to lotflow itself (its start-up, timers and jobs); give this " + (group ? "group"
                            : "user") + " another id");
        }
        if (!(group ? GROUP_ID : USER_ID).matcher(id).matches()) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": '" + id + "' is not a valid " + (group
                    ? "group id: use letters and digits, words joined by single hyphens (qa-manager)"
                    : "user id: use letters and digits only, no spaces or other signs (jennifer, jlee2)"));
        }
        return null;
    }

    /**
     * A new group whose id or name reads as an existing group's or a role's (auditor 2026-12-05 B5: "QA-MANAGER" named
     * "QA managers" read as the role in Admin and in the security trail, and the role rules did not see it): 409 naming
     * {@code id} for an id taken whatever its case ({@code takenAs}: the existing id, or null), 400 naming {@code name}
     * for a role's display name on another id; else null.
     */
    static SurfaceRefusal newGroup(String id, String name, String takenAs) {
        if (name != null && !name.isEmpty()) {
            // a direction override can make a name display as a role's while it reads otherwise (auditor 2026-12-05 F4)
            SurfaceRefusal plain = plainText("name", name, "a group's name is plain text, shown as it is written");
            if (plain != null) {
                return plain;
            }
        }
        if (takenAs != null) {
            return new SurfaceRefusal(409, "Conflict", "id", "id: " + (takenAs.equals(id) ? "the group '" + id
                    + "' already exists" : "'" + id + "' reads as the group '" + takenAs + "', which exists already"
                    + " (group ids are unique whatever their case)"));
        }
        String trimmed = name == null ? "" : name.trim();
        // read as a person reads it: spacing, punctuation, case, a plural's s and look-alike letters of other alphabets
        // do not make another name (auditor 2026-12-05 E8: "QA  managers", a Cyrillic "QА managers", "QA manager")
        java.util.Set<String> readAs = FilterCalls.readAs(trimmed);
        for (String role : Groups.BUSINESS) {
            java.util.Set<String> roleReadAs = new java.util.HashSet<>(FilterCalls.readAs(Groups.displayName(role)));
            roleReadAs.addAll(FilterCalls.readAs(role));
            if (!trimmed.isEmpty() && readAs.stream().anyMatch(roleReadAs::contains) && !role.equals(id)) {
                return new SurfaceRefusal(400, "Invalid request", "name", "name: '" + trimmed + "' is the name of"
                        + " lotflow's role group '" + role + "'; give this group another name");
            }
        }
        return null;
    }

    /** Camunda's longest user or group id ({@code ACT_ID_USER.ID_}, {@code ACT_ID_GROUP.ID_}). */
    static final int MAX_ID = 64;
    /** Camunda's longest name, e-mail, authorization user, group or resource id. */
    static final int MAX_TEXT = 255;

    /**
     * A JSON value given as text where an id or name is expected: null when it is text (or absent and not required),
     * else 400 naming the field (auditor 2026-12-05 E4: a number became the user id "123"; 300 characters answered 500).
     */
    static SurfaceRefusal text(String field, JsonNode value, boolean required, int max) {
        if (value.isMissingNode() || value.isNull()) {
            return required ? new SurfaceRefusal(400, "Invalid request", field, field + ": is required") : null;
        }
        if (!value.isTextual()) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": must be text in double quotes, was "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (value.asText().length() > max) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": is " + value.asText().length()
                    + " characters long; at most " + max);
        }
        return null;
    }

    /**
     * A person's first or last name, printed on their electronic signatures (21 CFR 11.50(a)(1)): required text of at
     * most 255 characters with a letter in it, and no control, formatting (right-to-left overrides, zero-width) or line
     * characters, nor {@code <} or {@code >}; else 400 naming the field (auditor 2026-12-05 E12).
     */
    static SurfaceRefusal personName(String field, JsonNode value) {
        SurfaceRefusal notText = text(field, value, true, MAX_TEXT);
        if (notText != null) {
            return notText;
        }
        String name = value.asText();
        if (name.codePoints().noneMatch(Character::isLetter)) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": a name printed on signatures needs"
                    + " letters");
        }
        SurfaceRefusal plain = plainText(field, name, "a name printed on signatures is plain text");
        if (plain != null) {
            return plain;
        }
        // lotflow prints a person as "Full Name (user id)": a bracket, or anything drawn like one, in a name could print
        // another user's id where a reader looks for the signer's ("Jennifer Lee-Smith (jennifer) (anna)"; auditor
        // 2026-12-07 H2; re-test F1: "Anna Kowalski \u239Bjennifer\u239E"). A printed name is letters, their accents,
        // spaces, and the punctuation names use: an apostrophe, a hyphen or dash, a full stop, a comma.
        int other = name.codePoints().filter(c -> !IdentityInput.nameCharacter(c)).findFirst().orElse(-1);
        if (other >= 0) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": a name printed on signatures holds"
                    + " letters, spaces, apostrophes, hyphens, full stops and commas only, not '"
                    + new String(Character.toChars(other)) + "' (U+" + String.format("%04X", other) + "): lotflow"
                    + " prints a person as \"Name (user id)\", so a bracket or symbol could print another user's id beside"
                    + " this name");
        }
        // what prints like another text is refused as for customers: a no-break or wide space, full-width letters, an
        // accent apart from its letter, a word of Latin and Cyrillic letters (auditor 2026-12-06 A1: "Jennifer L\u0435\u0435"
        // signed as "Jennifer Lee")
        String reason = org.lotflow.shared.input.PartyNames.problem(name.trim());
        return reason == null ? null : new SurfaceRefusal(400, "Invalid request", field, field + ": " + reason);
    }

    /**
     * Whether {@code c} may be part of a printed name: a letter or a mark (an accent), a space, or the punctuation
     * of names: an apostrophe ({@code '}, {@code ’}, {@code ʼ}), a hyphen or dash, a full stop, a comma.
     */
    static boolean nameCharacter(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || c == ' ' || c == '\'' || c == '\u2019' || c == '\u02BC'
                || type == Character.DASH_PUNCTUATION || c == '.' || c == ',';
    }

    /**
     * Text that prints as it is written: no control, formatting (direction overrides, zero-width), line, private-use,
     * unassigned or default-ignorable character, nor {@code <} or {@code >}; else 400 naming the field, {@code why}
     * said after the character.
     */
    static SurfaceRefusal plainText(String field, String text, String why) {
        int[] points = text.codePoints().toArray();
        for (int c : points) {
            int type = Character.getType(c);
            // invisible ones too: variation selectors, the grapheme joiner, tags (Unicode's default-ignorable code
            // points; auditor 2026-12-05 F3: "Ab Ef" and "Ab Ef" with a variation selector printed alike)
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || c == '<' || c == '>' || com.ibm.icu.lang.UCharacter
                            .hasBinaryProperty(c, com.ibm.icu.lang.UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                return new SurfaceRefusal(400, "Invalid request", field, field + ": holds a character that is not"
                        + " printed as written (U+" + String.format("%04X", c) + "); " + why);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    /** An e-mail address, when given: text of at most 255 characters of the form name@domain.tld; else 400. */
    static SurfaceRefusal email(String field, JsonNode value) {
        SurfaceRefusal notText = text(field, value, false, MAX_TEXT);
        if (notText != null || value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            return notText;
        }
        return EMAIL.matcher(value.asText()).matches() ? null : new SurfaceRefusal(400, "Invalid request", field, field
                + ": '" + value.asText() + "' is not an e-mail address (name@example.com)");
    }

    /** The profile fields of a new user or a profile change ({@code prefix}: "profile." or ""), checked in order. */
    static SurfaceRefusal profileFields(String prefix, JsonNode profile) {
        for (SurfaceRefusal r : java.util.Arrays.asList(personName(prefix + "firstName", profile.path("firstName")),
                personName(prefix + "lastName", profile.path("lastName")), email(prefix + "email", profile.path("email")))) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * An authorization body the engine would answer with 500 or a bare 400 (auditor 2026-12-05 E3, E4): 400 naming the
     * field. A new one ({@code creates}) has a {@code type} of 0 (global, for {@code userId} {@code *}), 1 (grant) or
     * 2 (revoke); every one has exactly one of {@code userId} and {@code groupId}, a whole {@code resourceType} of 0 or
     * more, a {@code resourceId} and a list of permission names, as text of at most 255 characters.
     */
    static SurfaceRefusal authorizationShape(ObjectNode body, boolean creates) {
        JsonNode type = body.path("type");
        if (creates && !(type.isInt() && type.asInt() >= 0 && type.asInt() <= 2)) {
            return new SurfaceRefusal(400, "Invalid request", "type", "type: must be 0 (global, for everyone), 1 (grant)"
                    + " or 2 (revoke)");
        }
        for (String field : List.of("userId", "groupId", "resourceId")) {
            SurfaceRefusal r = text(field, body.path(field), field.equals("resourceId"), MAX_TEXT);
            if (r != null) {
                return r;
            }
        }
        boolean user = !body.path("userId").asText("").isEmpty();
        boolean group = !body.path("groupId").asText("").isEmpty();
        if (user == group) {
            return new SurfaceRefusal(400, "Invalid request", user ? "groupId" : "userId", (user ? "groupId" : "userId")
                    + ": an authorization is for one user (userId) or one group (groupId), " + (user ? "not both"
                            : "one of them is required"));
        }
        if (creates && type.asInt() == 0 && !(user && body.path("userId").asText().equals("*"))) {
            return new SurfaceRefusal(400, "Invalid request", "userId", "userId: a global authorization (type 0) is for"
                    + " everyone, userId \"*\", and no group");
        }
        JsonNode resourceType = body.path("resourceType");
        if (!(resourceType.isInt() && resourceType.asInt() >= 0)) {
            return new SurfaceRefusal(400, "Invalid request", "resourceType", "resourceType: must be a whole number, the"
                    + " resource's type (0 application, 1 user, 5 filter, 6 process definition, 7 task ...)");
        }
        JsonNode permissions = body.path("permissions");
        boolean names = permissions.isArray();
        for (JsonNode p : permissions) {
            names &= p.isTextual();
        }
        if (!names) {
            return new SurfaceRefusal(400, "Invalid request", "permissions", "permissions: must be a list of permission"
                    + " names, e.g. [\"READ\", \"UPDATE\"]");
        }
        return null;
    }
}
