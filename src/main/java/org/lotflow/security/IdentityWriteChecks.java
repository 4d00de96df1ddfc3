package org.lotflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks of identity and rights writes that read what is stored ({@link IdentityLookups}) and answer a refusal or
 * null, for {@link IdentitySurface}: an authorization given twice (409), one for a user or group that does not exist
 * (400), a profile whose printed name or e-mail is another user's (409). Split from {@link IdentitySurface}.
 */
final class IdentityWriteChecks {

    private final IdentityLookups lookups;

    IdentityWriteChecks(IdentityLookups lookups) {
        this.lookups = lookups;
    }

    /**
     * 409 for an authorization that exists already of the same type for the same user or group, resource type and
     * resource id (the database's key would answer 500; auditor 2026-12-05 C8): change that one instead. Null when there
     * is none.
     */
    SurfaceRefusal duplicateAuthorization(ObjectNode body, String exceptId) {
        String userId = body.path("userId").asText(null);
        String groupId = body.path("groupId").asText(null);
        int resourceType = body.path("resourceType").asInt(-1);
        String resourceId = body.path("resourceId").asText(null);
        if (resourceType < 0 || resourceId == null || (userId == null) == (groupId == null)) {
            return null; // the engine answers a malformed body itself
        }
        String same = lookups.sameAuthorization(body.path("type").asInt(1), userId, groupId, resourceType, resourceId);
        if (same == null || same.equals(exceptId)) {
            return null;
        }
        return new SurfaceRefusal(409, "Conflict", "resourceId", "An authorization for " + (userId != null ? "user '"
                + userId : "group '" + groupId) + "' on " + RoleSeparationBreaches.kind(resourceType) + " '" + resourceId
                + "' exists already (" + same + "): change that one instead");
    }


    /**
     * An authorization for a user or group that does not exist: 400 naming {@code userId} or {@code groupId} (auditor
     * 2026-12-05 F8: a grant to a group id nobody had passed to the group created later under that id). Null when the
     * holder exists, or is everyone ({@code *}).
     */
    SurfaceRefusal unknownHolder(ObjectNode body) {
        String user = body.path("userId").asText("");
        String group = body.path("groupId").asText("");
        if (!user.isEmpty() && !user.equals("*") && !user.equals(lookups.takenUserId(user))) {
            return new SurfaceRefusal(400, "Invalid request", "userId", "userId: there is no user '" + user + "'; an"
                    + " authorization is given to someone who exists");
        }
        if (!group.isEmpty() && !group.equals(lookups.takenGroupId(group))) {
            return new SurfaceRefusal(400, "Invalid request", "groupId", "groupId: there is no group '" + group + "';"
                    + " create the group first");
        }
        return null;
    }

    /**
     * Refuses (409 naming {@code firstName}) a profile whose printed name is, or was before a rename, another user's
     * ({@link PrintedNames}), whatever its case and
     * spacing: a signature's printed name names one person (21 CFR 11.50(a)(1), 11.100(a); auditor 2026-12-06 G4: an
     * administrator printed a second QA manager as "Jennifer Lee"); a 409 naming {@code email} for an e-mail another
     * user has. Null when neither is taken.
     */
    SurfaceRefusal takenPrintedName(String prefix, JsonNode profile, String userId) {
        String first = profile.path("firstName").asText("");
        String last = profile.path("lastName").asText("");
        String email = profile.path("email").asText("").trim();
        String sameMail = email.isEmpty() ? null : lookups.userWithEmail(email, userId);
        if (sameMail != null) {
            // one person, one account: a second account of one person could sit in production and in the quality unit
            // at once (re-test 2026-12-06 Y11)
            return new SurfaceRefusal(409, "Conflict", prefix + "email", prefix + "email: '" + email + "' is the e-mail of"
                    + " the user '" + sameMail + "'; one person has one account (roles are memberships of it)");
        }
        String other = lookups.userWithPrintedName(first, last, userId);
        String former = other == null ? lookups.userWhoCarriedPrintedName(first, last, userId) : null;
        if (other == null && former == null) {
            return null;
        }
        // a name that signed stays its holder's after a rename (auditor 2026-12-07 H1: a renamed QA manager's old name
        // given to another, and two people's releases read "approved by Jennifer Lee")
        return new SurfaceRefusal(409, "Conflict", prefix + "firstName", prefix + "firstName: '" + (first + " " + last).trim()
                + (other != null ? "' is the printed name of the user '" + other + "'"
                        : "' was the printed name of the user '" + former + "' before a rename; records they made print it")
                + "; every signature prints its signer's name, so two people never share one: add what tells them apart"
                + " (a middle initial, a second family name)");
    }
}
