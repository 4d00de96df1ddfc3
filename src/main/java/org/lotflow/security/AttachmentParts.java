package org.lotflow.security;

import java.util.Locale;
import java.util.Map;

/**
 * The texts of a task attachment ({@code POST task/{id}/attachment/create}, {@code multipart/form-data}) as the
 * engine keeps them: {@code attachment-name} and {@code attachment-type} at most 255 characters,
 * {@code attachment-description} and {@code url} at most 4,000 UTF-16 units, as the databases count (the columns of
 * {@code ACT_RU_ATTACHMENT} and {@code ACT_HI_ATTACHMENT}), never cut, however the part is sent; a link ({@code url}) is an {@code http} or {@code https} address, which
 * Tasklist opens as a web page (a {@code javascript:} or {@code file:} link is not a document). Longer texts reached
 * the database and were answered "Task id is null" (auditor 2026-12-07 M2). A plain rule, tested without Spring.
 */
final class AttachmentParts {

    private static final Map<String, Integer> MAX = Map.of("attachment-name", 255, "attachment-type", 255,
            "attachment-description", 4000, "url", 4000);

    private AttachmentParts() {
    }

    /**
     * Whether the part {@code name} is one of an attachment's texts, which the engine reads as text also when it is
     * sent as a file part (re-test 2026-12-07 F2: {@code -F url=@file} stored a {@code javascript:} link).
     */
    static boolean isText(String name) {
        return MAX.containsKey(name);
    }

    /**
     * Why the part {@code name} of an attachment may not hold {@code value} (the part's text, without the line break
     * that ends it), or null when it may; other parts are not checked here.
     */
    static String refusal(String name, String value) {
        Integer max = MAX.get(name);
        if (max == null) {
            return null;
        }
        // counted as the databases' columns count (UTF-16 units: an emoji is two; re-test F2)
        int length = value.length();
        if (length > max) {
            return name + ": at most " + max + " characters, was " + length + " (never cut): "
                    + (name.equals("attachment-description") ? "keep the description short and put the rest in the"
                            + " attached document" : "shorten it");
        }
        if (name.equals("url") && !value.isEmpty() && !webAddress(value)) {
            return "url: a linked document is a web address beginning with http:// or https:// and naming a server,"
                    + " without spaces, was '" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
        }
        return null;
    }

    /** An absolute http or https address with a server, nothing around it (re-test F3: "http://", "https:javascript:"). */
    private static boolean webAddress(String value) {
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && !uri.isOpaque() && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
