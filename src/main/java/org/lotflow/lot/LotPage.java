package org.lotflow.lot;

import java.util.List;

/**
 * One page of lots in FEFO order (expiration date, manufacture date, lot number) and the opaque cursor of the
 * next page ({@code null} on the last page). The cursor is the sort key of the page's last lot, so a page
 * costs one index range however deep it is, and pages stay stable while lots are added (the same cursor as
 * {@code GET /api/lots}).
 */
public record LotPage(List<Lot> items, String nextCursor) {

    public LotPage {
        items = List.copyOf(items);
    }
}
