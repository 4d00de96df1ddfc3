package org.lotflow.shared.input;

import java.util.List;
import java.util.function.ToLongFunction;

import org.lotflow.shared.InvalidInput;

/**
 * The paging of a list shown newest first by a keyset on its rows' primary key (the recall board, the order list): a
 * page is the rows whose id is below the cursor, so it costs one index range however deep it is and needs no count;
 * the cursor is the id of the page's last row. A plain rule, tested without Spring.
 */
public final class IdCursor {

    private IdCursor() {
    }

    /** Refuses (400 naming {@code size}) a page size outside 1 to {@code max}. */
    public static void requireSize(int size, int max) {
        if (size < 1 || size > max) {
            throw new InvalidInput("size", "must be between 1 and " + max + ", was " + size);
        }
    }

    /**
     * The id the page starts below: {@link Long#MAX_VALUE} for the first page ({@code cursor} null or blank), else the
     * cursor's id; 400 naming {@code cursor} when it is not one this list handed out.
     */
    public static long before(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        long before;
        try {
            // the digits 0-9 only, as every whole number lotflow reads (auditor 2026-12-07 24b F5: '٩٩٩٩' paged)
            String t = cursor.strip();
            before = WholeNumbers.written(t) && Character.isDigit(t.charAt(0)) ? Long.parseLong(t) : 0;
        } catch (NumberFormatException e) {
            before = 0;
        }
        if (before < 1) {
            throw new InvalidInput("cursor", "'" + cursor + "' is not a cursor of this list: take the next page's link");
        }
        return before;
    }

    /**
     * The next page's cursor from the rows read for a page of {@code size} (read {@code size + 1} to know whether there
     * is more): the id of the page's last row, or null on the last page.
     */
    public static <T> String next(List<T> rowsRead, int size, ToLongFunction<T> id) {
        return rowsRead.size() > size ? Long.toString(id.applyAsLong(rowsRead.get(size - 1))) : null;
    }
}
