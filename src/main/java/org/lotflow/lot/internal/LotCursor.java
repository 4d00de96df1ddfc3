package org.lotflow.lot.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.lotflow.shared.InvalidInput;

/**
 * The paging cursor of the lot list: the FEFO sort key (expiration date, manufacture date, lot number)
 * of the last lot of a page, as opaque URL-safe Base64 text without padding ({@code 2026-01-08|2024-01-08|IL250-2024-001}
 * encoded). The next page starts strictly after it, so pages stay stable while lots are added. A plain
 * rule: no Spring, no database.
 */
public record LotCursor(LocalDate expiration, LocalDate manufacture, String lotNumber) {

    /** The cursor as the API hands it out. */
    public String encode() {
        String raw = expiration + "|" + manufacture + "|" + lotNumber;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; 400 naming {@code cursor} when it is not one this API handed out. */
    public static LotCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            return new LotCursor(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]), parts[2]);
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "is not a cursor this API handed out");
        }
    }
}
