package org.lotflow.security;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Authorization;

import com.ibm.icu.text.SpoofChecker;
import org.lotflow.shared.input.InputRules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine's Tasklist filter endpoints accept (README, "One gate for the engine's surfaces"; auditor
 * 2026-12-05 F17 and its re-test), as a plain rule tested without Spring; {@link EngineSurfaceGuard} writes its
 * refusals. lotflow keeps one filter per role ("QA analysts", "QA managers", ...) and "My tasks"
 * ({@link IdentitySetup#ROLE_FILTER_NAMES}); each shows a role its open work, so:
 *
 * <ul>
 * <li>{@code PUT} or {@code DELETE filter/{id}} of a role filter: 403 for everyone, administrators included;</li>
 * <li>{@code POST filter/create}, or {@code PUT filter/{id}} of another filter, whose {@code name} reads as a role
 * filter's ({@link #readAs}): 403 naming {@code name} (a look-alike would stand beside the real one for good); a name
 * with invisible characters or mixed alphabets in a word: 400 naming {@code name};</li>
 * <li>{@code PUT} or {@code DELETE authorization/{id}} of an authorization on a role filter: 403 for everyone
 * (revoking it would hide the role's work; creating one is {@link IdentityCalls#roleRights}'s).</li>
 * </ul>
 * A user's own filters stay free.
 */
final class FilterCalls {

    private final Predicate<String> roleFilter;

    /** @param roleFilter whether a filter id is one of lotflow's role filters */
    FilterCalls(Predicate<String> roleFilter) {
        this.roleFilter = roleFilter;
    }

    /** Whether the call creates, changes or deletes a filter (the other methods apply). */
    static boolean writesFilter(String method, String resource) {
        return method.equals("POST") && EngineResources.FILTER_CREATE.matcher(resource).matches()
                || (method.equals("PUT") || method.equals("DELETE"))
                        && EngineResources.FILTER_RECORD.matcher(resource).matches();
    }

    /** Whether the filter call carries a body to check with {@link #body} (a creation or a change). */
    static boolean hasBody(String method) {
        return !method.equals("DELETE");
    }

    /** The refusal of a change or deletion of one of lotflow's role filters, else null. */
    SurfaceRefusal change(String method, String resource) {
        Matcher one = EngineResources.FILTER_RECORD.matcher(resource);
        if ((method.equals("PUT") || method.equals("DELETE")) && one.matches() && roleFilter.test(one.group(1))) {
            return new SurfaceRefusal(403, "Forbidden", null, "This Tasklist filter shows a role its open work and is"
                    + " kept by lotflow: it is not changed or deleted, by anyone (administrators included); create a"
                    + " filter of your own for another view");
        }
        return null;
    }

    /**
     * The refusal of a filter body whose name is not one line of visible text in one alphabet a word (400, the rule
     * of customer names, {@link InputRules#name}), or reads as a role filter's name (403): compared by
     * {@link #readAs}, so neither case, spacing, punctuation nor compatibility forms make a look-alike (auditor
     * 2026-12-05 A2: "QA managers" with a zero-width space, "QA Managers", "QA  managers", "QA managers." stood
     * beside the real one). Else null.
     */
    static SurfaceRefusal body(ObjectNode body) {
        String name = body.path("name").asText("").strip();
        String notAName = InputRules.name(name);
        if (notAName != null) {
            return new SurfaceRefusal(400, "Bad Request", "name", "The filter name " + notAName);
        }
        // the engine's columns (ACT_RU_FILTER NAME_ and OWNER_, 255): longer reached the database as a 500 (auditor
        // 2026-12-07 M3); never cut
        for (String field : List.of("name", "owner")) {
            JsonNode value = body.path(field);
            // counted as the databases count, an emoji two (re-test 2026-12-07 F4: 200 emoji reached the database)
            if (value.isTextual() && value.asText().length() > 255) {
                return new SurfaceRefusal(400, "Bad Request", field, "The filter " + field + ": at most 255 characters,"
                        + " was " + value.asText().length() + " (never cut; an emoji counts as two)");
            }
        }
        if (readAs(name).stream().anyMatch(ROLE_FILTERS_READ_AS::contains)) {
            return new SurfaceRefusal(403, "Forbidden", "name", "'" + name + "' reads as the name of one of"
                    + " lotflow's role filters: give your filter another name");
        }
        return null;
    }

    /**
     * What a filter name reads as: its compatibility form (NFKC), then its Unicode confusable skeleton (UTS #39, ICU's
     * {@link SpoofChecker}: Cyrillic "Му" and Latin "My", "rn" and "m", a dotless ı and i read alike), taken both of
     * the name as written and of it in lower case (a capital and a small letter are confusable with different
     * letters), case-folded, without marks, letters and digits only, and a plural's final s dropped ("QA manager"
     * reads as "QA managers"). Auditor 2026-12-05 A2 and B3.
     */
    static Set<String> readAs(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        Set<String> readings = new java.util.HashSet<>();
        for (String written : List.of(compatible, compatible.toLowerCase(Locale.ROOT))) {
            String skeleton = org.lotflow.shared.input.PartyNames.printsAs(written);
            String letters = Normalizer.normalize(skeleton, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .replaceAll("[^\\p{L}\\p{N}]+", "");
            readings.add(letters.endsWith("s") ? letters.substring(0, letters.length() - 1) : letters);
        }
        return readings;
    }


    private static final Set<String> ROLE_FILTERS_READ_AS = IdentitySetup.ROLE_FILTER_NAMES.stream()
            .flatMap(n -> readAs(n).stream()).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());

    /**
     * The refusal of a change or deletion ({@code PUT} or {@code DELETE authorization/{id}}) of an existing
     * authorization on one of lotflow's role filters, else null.
     *
     * @param authorization the authorization with this id as stored (null when there is none)
     */
    SurfaceRefusal authorizationChange(String method, String resource, Function<String, Authorization> authorization) {
        Matcher one = EngineResources.AUTHORIZATION_RECORD.matcher(resource);
        if (!(method.equals("PUT") || method.equals("DELETE")) || !one.matches()) {
            return null;
        }
        Authorization existing = authorization.apply(one.group(1));
        if (existing == null || existing.getResourceType() != IdentityCalls.FILTER_RESOURCE
                || !roleFilter.test(existing.getResourceId())) {
            return null;
        }
        return new SurfaceRefusal(403, "Forbidden", null, "Who sees lotflow's role filters is kept by lotflow (each"
                + " role sees its open work): their authorizations are not changed or deleted by anyone, administrators"
                + " included");
    }
}
