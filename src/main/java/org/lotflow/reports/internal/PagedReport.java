package org.lotflow.reports.internal;

/**
 * A report answered one page at a time: {@code nextCursor} is the {@code cursor} parameter of the next page, null
 * on the last page. The controller also sends it as an RFC 8288 {@code Link} header ({@code rel="next"}), which
 * a CSV answer has no other place for.
 */
public interface PagedReport {

    String nextCursor();
}
