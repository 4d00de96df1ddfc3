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
 * filter's ({@link #readAs}) or holds one among its words ({@link #roleFilterIn}: "QA managers: all open", "My
 * tasks (all)"): 403 naming {@code name} (a look-alike would stand beside the real one for good, and shared with the
 * role and sorted first it would open every member's Tasklist on a part of their work as if it were all of it; auditor
 * 2026-12-07 F2); a name with invisible characters or mixed alphabets in a word: 400 naming {@code name};</li>
 * <li>{@code PUT} or {@code DELETE authorization/{id}} of an authorization on a role filter: 403 for everyone
 * (revoking it would hide the role's work; creating one is {@link IdentityCalls#roleRights}'s).</li>
 * </ul>
 * A user's own filters stay free. Their order ({@code properties.priority}) is not checked: a filter an administrator
 * shares and sorts first is seen by its own name for what it is, with the role filters listed below it; it is a
 * filter passing as the role's own that hides work unseen.
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
     * beside the real one), or holds a role filter's name among its words (403, {@link #roleFilterIn}; auditor
     * 2026-12-07 F2: "QA managers: all open"). Else null.
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
        String held = roleFilterIn(name);
        if (held != null) {
            return new SurfaceRefusal(403, "Forbidden", "name", "'" + name + "' holds '" + held + "', the name of one"
                    + " of lotflow's role filters: in a Tasklist it would pass for that role's own list of open work;"
                    + " give your filter a name without it");
        }
        return null;
    }

    /**
     * The role filter whose name some of a filter name's words, one after another, read as ({@link #readAs}, word by
     * word: "QA managers: all open", "All my tasks", "Q.A. managers (urgent)", "Sales-orders"), the name as a whole
     * included. Whole words only: "Salesforce leads" and "My urgent releases" name no role filter. The words are those
     * of the name's confusable skeleton, taken as written and in lower case (as {@link #readAs} takes them), split at
     * every sign that is no letter or digit. Null when there is none.
     */
    static String roleFilterIn(String name) {
        String compatible = smallCapitalsAsCapitals(Normalizer.normalize(name, Normalizer.Form.NFKC));
        for (String written : List.of(compatible, compatible.toLowerCase(Locale.ROOT))) {
            // the words as written first (a letter that prints as a separator ends one), then each as it reads
            List<String> read = new java.util.ArrayList<>();
            for (String word : words(written)) {
                String bare = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                String skeleton = Normalizer.normalize(org.lotflow.shared.input.PartyNames.printsAs(bare),
                        Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                for (String part : skeleton.split("[^\\p{L}\\p{N}]+")) {
                    if (!part.isEmpty()) {
                        read.add(part);
                    }
                }
            }
            String[] words = read.toArray(String[]::new);
            for (int from = 0; from < words.length; from++) {
                StringBuilder run = new StringBuilder();
                for (int to = from; to < words.length && run.length() <= LONGEST_ROLE_READING; to++) {
                    run.append(words[to]);
                    String reading = run.toString();
                    if (reading.endsWith("s")) {
                        reading = reading.substring(0, reading.length() - 1);
                    }
                    if (!reading.isEmpty() && ROLE_FILTER_READINGS.containsKey(reading)) {
                        return ROLE_FILTER_READINGS.get(reading);
                    }
                }
            }
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
        String compatible = smallCapitalsAsCapitals(Normalizer.normalize(name, Normalizer.Form.NFKC));
        Set<String> readings = new java.util.HashSet<>();
        for (String written : List.of(compatible, compatible.toLowerCase(Locale.ROOT))) {
            String skeleton = org.lotflow.shared.input.PartyNames.printsAs(written);
            String letters = Normalizer.normalize(skeleton, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .replaceAll("[^\\p{L}\\p{N}]+", "");
            readings.add(letters.endsWith("s") ? letters.substring(0, letters.length() - 1) : letters);
        }
        return readings;
    }


    /**
     * The words of a name as a reader sees them: runs of letters of one script, so a sign Unicode counts as a letter
     * but prints as a separator ends a word: a modifier letter ("ˍ", printed as "_"), a Latin click ("ǀ", printed as
     * "|"), a letter of another script glued to the word (Canadian syllabics "ᐟ", printed as "/"; Hangul "ㆍ", printed
     * as "·"); digits, spaces and punctuation separate too (re-test 2026-12-07 R1: "QA managersᐟall open" and "QA
     * managers¹" passed for other words than "QA managers").
     */
    static List<String> words(String text) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        Character.UnicodeScript script = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            Character.UnicodeScript of = Character.UnicodeScript.of(c);
            boolean letter = Character.isLetter(c) && type != Character.MODIFIER_LETTER
                    && !(type == Character.OTHER_LETTER && of == Character.UnicodeScript.LATIN);
            if (!letter || (script != null && of != script)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                script = null;
                if (!letter) {
                    continue;
                }
            }
            word.appendCodePoint(c);
            script = of;
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Latin small capitals as their capitals ("Qᴀ managers", "ᴍy tasks" read as "QA managers", "My tasks"; re-test
     * 2026-12-07 R1): every letter Unicode names "LATIN LETTER SMALL CAPITAL X".
     */
    static String smallCapitalsAsCapitals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String name = Character.getName(c);
            if (name != null && name.startsWith("LATIN LETTER SMALL CAPITAL ")
                    && name.length() == "LATIN LETTER SMALL CAPITAL ".length() + 1) {
                out.append(name.charAt(name.length() - 1));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** What each role filter's name reads as ({@link #readAs}), to that name. */
    private static final java.util.Map<String, String> ROLE_FILTER_READINGS = IdentitySetup.ROLE_FILTER_NAMES.stream()
            .flatMap(n -> readAs(n).stream().filter(r -> !r.isEmpty()).map(r -> java.util.Map.entry(r, n)))
            .collect(Collectors.toUnmodifiableMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue,
                    (a, b) -> a));

    private static final Set<String> ROLE_FILTERS_READ_AS = ROLE_FILTER_READINGS.keySet();

    /** The longest reading of a role filter's name: a longer run of words reads as none of them. */
    private static final int LONGEST_ROLE_READING = ROLE_FILTERS_READ_AS.stream().mapToInt(String::length).max()
            .orElse(0);

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
