package org.lotflow.security;

import java.util.Locale;
import java.util.Map;

/**
 * The texts of a task attachment ({@code POST task/{id}/attachment/create}, {@code multipart/form-data}) as the
 * engine keeps them: {@code attachment-name} and {@code attachment-type} at most 255 characters,
 * {@code attachment-description} and {@code url} at most 4,000 (the columns of {@code ACT_RU_ATTACHMENT} and
 * {@code ACT_HI_ATTACHMENT}), never cut; a link ({@code url}) is an {@code http} or {@code https} address, which
 * Tasklist opens as a web page (a {@code javascript:} or {@code file:} link is not a document). Longer texts reached
 * the database and were answered "Task id is null" (auditor 2026-12-07 M2). A plain rule, tested without Spring.
 */
final class AttachmentParts {

    private static final Map<String, Integer> MAX = Map.of("attachment-name", 255, "attachment-type", 255,
            "attachment-description", 4000, "url", 4000);

    private AttachmentParts() {
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
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            return name + ": at most " + max + " characters, was " + length + " (never cut): "
                    + (name.equals("attachment-description") ? "keep the description short and put the rest in the"
                            + " attached document" : "shorten it");
        }
        if (name.equals("url") && !value.isEmpty()) {
            String scheme = value.contains(":") ? value.substring(0, value.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                    : "";
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "url: a linked document is a web address beginning with http:// or https://, was '"
                        + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
            }
        }
        return null;
    }
}
