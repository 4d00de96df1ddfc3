package org.lotflow.reports.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.lotflow.shared.InvalidInput;

/**
 * The cursor of a paged report ({@code GET /api/reports/fefo} and {@code /expiring}): the position of the next
 * line (1 for the first line of the report) and the lot module's cursor after the last lot shown, as opaque
 * URL-safe Base64 text without padding. The position lets a deep page number its lines as the whole report
 * would. A plain rule: no Spring, no database.
 */
public record ReportCursor(int nextPosition, String lots) {

    /** The cursor as the report hands it out. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((nextPosition + "|" + lots).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent back (null or blank: the first page); 400 naming {@code cursor} when it is not one
     * a report handed out.
     */
    public static ReportCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new ReportCursor(1, null);
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            int position = Integer.parseInt(raw.substring(0, bar));
            String lots = raw.substring(bar + 1);
            if (position < 1 || lots.isEmpty()) {
                throw new IllegalArgumentException(raw);
            }
            return new ReportCursor(position, lots);
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "is not a cursor this report handed out");
        }
    }
}
