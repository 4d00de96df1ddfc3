package org.lotflow.security;

import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine's identity and authorization endpoints accept from whom (README, "One gate for the engine's
 * surfaces"), as plain rules tested without Spring; {@link EngineSurfaceGuard} writes the refusals and keeps the
 * checks that read the identity store (a new user's id taken: 409; the password policy: 400).
 *
 * <ul>
 * <li>{@code POST identity/verify}: refused to everyone (403). Checking another user's password would be a way
 * around the lockout.</li>
 * <li>{@code user/{id}/profile}: administrators only (403). The name printed on an electronic signature comes from
 * an identity record its owner cannot edit (21 CFR 11.50, 11.100). A {@code PUT} whose body names another
 * {@code id}: 400 naming {@code id}, for administrators too (an id names its owner in every record they made,
 * 21 CFR 11.100(a)).</li>
 * <li>Any other {@code user/...} write: administrators only (403), except a user's own
 * {@code PUT user/{self}/credentials}.</li>
 * <li>{@code PUT group/{g}/members/{self}}: refused to everyone (403). Nobody adds themselves to a group.</li>
 * <li>{@code POST authorization/create} or {@code PUT authorization/{id}} for oneself ({@code userId}) or for a
 * group one belongs to ({@code groupId}): 403 naming the field. Another administrator grants it, and the trail
 * shows both (21 CFR 11.10(d), EU GMP Annex 11 §12.1).</li>
 * </ul>
 */
final class IdentityCalls {

    private IdentityCalls() {
    }

    /**
     * Whether this call is refused before its body is read (null: it goes on to the body's checks, if any).
     *
     * @param method   the HTTP method, upper case
     * @param resource the path after the engine's root, e.g. {@code user/sarah/profile}
     * @param userId   who calls
     * @param admin    whether the caller is in {@code camunda-admin}
     */
    static SurfaceRefusal beforeBody(String method, String resource, String userId, boolean admin) {
        if (EngineResources.IDENTITY_VERIFY.matcher(resource).matches()) {
            return new SurfaceRefusal(403, "Forbidden", null, "Checking another user's password is not offered: log"
                    + " in, or sign, as yourself (each failed attempt counts toward the lockout)");
        }
        Matcher profile = EngineResources.PROFILE.matcher(resource);
        if (profile.matches() && !admin) {
            return new SurfaceRefusal(403, "Forbidden", null, "Names printed on electronic signatures are kept by"
                    + " administrators: ask an administrator to change the profile of '" + profile.group(1) + "'");
        }
        Matcher credentials = EngineResources.OWN_CREDENTIALS.matcher(resource);
        if (EngineResources.USER_WRITE.matcher(resource).matches() && !admin
                && !(credentials.matches() && credentials.group(1).equals(userId))) {
            return new SurfaceRefusal(403, "Forbidden", null, "Identity records are kept by administrators (21 CFR"
                    + " 11.100: an identity behind past signatures is never deleted or reassigned); you may change your"
                    + " own password only");
        }
        Matcher membership = EngineResources.MEMBERSHIP.matcher(resource);
        if (method.equals("PUT") && membership.matches() && membership.group(2).equalsIgnoreCase(userId)) {
            return new SurfaceRefusal(403, "Forbidden", null, "No one adds themselves to a group: another"
                    + " administrator adds " + userId + " to '" + membership.group(1) + "', so that a second person"
                    + " stands behind every new right");
        }
        return null;
    }

    /** Whether a {@code PUT user/{id}/profile} is the profile's own call and its body is refused (null: it passes). */
    static SurfaceRefusal profileBody(String resource, ObjectNode body) {
        Matcher profile = EngineResources.PROFILE.matcher(resource);
        if (!profile.matches()) {
            return null;
        }
        JsonNode id = body.path("id");
        if (!id.isMissingNode() && !id.isNull() && !id.asText().equals(profile.group(1))) {
            return new SurfaceRefusal(400, "Invalid request", "id", "id: a user's id is never changed (it names them"
                    + " in every record they made, 21 CFR 11.100(a)); the profile of '" + profile.group(1) + "' keeps"
                    + " it, and a new person gets a new user");
        }
        return null;
    }

    /** Whether a call creates or changes an authorization (its body is then checked by {@link #authorizationBody}). */
    static boolean writesAuthorization(String method, String resource) {
        return (method.equals("POST") || method.equals("PUT"))
                && EngineResources.AUTHORIZATION_WRITE.matcher(resource).matches();
    }

    /** Whether an authorization created or changed by this caller is refused (null: it passes). */
    static SurfaceRefusal authorizationBody(ObjectNode body, String userId, List<String> groups) {
        if (userId.equalsIgnoreCase(body.path("userId").asText(""))) {
            return new SurfaceRefusal(403, "Forbidden", "userId", "No one grants rights to themselves: another"
                    + " administrator creates or changes an authorization for " + userId);
        }
        String group = body.path("groupId").asText("");
        if (groups.contains(group)) {
            return new SurfaceRefusal(403, "Forbidden", "groupId", "No one grants rights to a group they belong to:"
                    + " another administrator creates or changes an authorization for '" + group + "'");
        }
        return null;
    }

    /** The user whose password a call sets ({@code PUT user/{id}/credentials}), or null for any other call. */
    static String credentialsOf(String method, String resource) {
        Matcher credentials = EngineResources.OWN_CREDENTIALS.matcher(resource);
        return method.equals("PUT") && credentials.matches() ? credentials.group(1) : null;
    }

    /** Whether a call creates a user ({@code POST user/create}). */
    static boolean createsUser(String method, String resource) {
        return method.equals("POST") && EngineResources.USER_CREATE.matcher(resource).matches();
    }

    /** Whether a call is a profile change with a body to check ({@code PUT user/{id}/profile}). */
    static boolean changesProfile(String method, String resource) {
        return method.equals("PUT") && EngineResources.PROFILE.matcher(resource).matches();
    }
}
