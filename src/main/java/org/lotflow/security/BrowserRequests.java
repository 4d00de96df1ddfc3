package org.lotflow.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a browser says about a request it sends with the HTTP Basic login it keeps for lotflow (from Swagger UI or a
 * typed URL): whether another site's page started it, or it loads a page. Such a request reads but changes or records
 * nothing without {@link ApiAuthenticationFilter#SESSION_HEADER} (auditor 2026-12-06 C-l, re-test E2, E10, F3). Rules
 * only, on the request's headers.
 */
final class BrowserRequests {

    private BrowserRequests() {
    }

    /** Whether a browser sent this request for a page: another site's, or a page load of its own. */
    static boolean sentForAPage(HttpServletRequest request) {
        return startedByAnotherSite(request) || fromAnotherOrigin(request) || browserPage(request);
    }

    /** The Fetch Metadata header a browser adds to every request it sends: who started it (W3C Fetch Metadata). */
    static final String FETCH_SITE = "Sec-Fetch-Site";

    /**
     * Whether a browser says another site's page started this request ({@code Sec-Fetch-Site: cross-site}, or
     * {@code same-site}: another port or subdomain of the host). A browser that once logged into {@code /api} with
     * HTTP Basic (Swagger UI, a URL typed in) keeps those credentials and sends them with another site's top-level
     * navigation to lotflow, so Basic is no proof of intent there (auditor 2026-12-06 C-l: a page of another site sent
     * Tom's browser to {@code /api/lots/X/coa?customer=EVIL}, recorded as his hand-out). Such a request may read, not
     * change or record; the user's own typing ({@code none}), lotflow's own pages ({@code same-origin}) and scripts
     * (no header) are unaffected.
     */
    static boolean startedByAnotherSite(HttpServletRequest request) {
        String site = request.getHeader(FETCH_SITE);
        return site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
    }

    /**
     * Whether a browser says another origin's page sent this request ({@code Origin}, which browsers send with every
     * cross-origin POST, PUT, PATCH and DELETE, over plain HTTP too, where they leave {@code Sec-Fetch-Site} out;
     * re-test 2026-12-06 E2, E10: a form on another site posted to a plant's http://host address). {@code null} (a
     * sandboxed or privacy-sensitive context) counts as another origin; the request's own host and port do not.
     */
    static boolean fromAnotherOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            java.net.URI o = java.net.URI.create(origin.trim());
            if (o.getHost() == null) {
                return true;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String theirs = o.getHost().toLowerCase(java.util.Locale.ROOT);
            // lotflow's own address as the browser asked for it: the Host header, or behind a proxy the host it was
            // forwarded for (a header another site's page cannot set on a form or a link)
            for (String host : new String[] {request.getHeader("Host"), request.getHeader("X-Forwarded-Host")}) {
                String own = host == null ? null : host.split(",")[0].trim().toLowerCase(java.util.Locale.ROOT);
                if (own != null && (own.equals(theirs + ":" + port) || (own.equals(theirs) && (port == 80 || port == 443)))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /**
     * Whether a browser is loading a page ({@code Upgrade-Insecure-Requests}, {@code Sec-Fetch-Mode: navigate}: a link, a
     * typed URL or another site's redirect; scripts and Swagger UI's calls send neither). Such a request reads; what records
     * something (a certificate handed out, an audit check) is done on the Console, whose forms carry their token
     * (re-test 2026-12-06 E2: another site sent a browser over plain HTTP, where no Fetch Metadata is sent, to
     * {@code /api/lots/X/coa?customer=EVIL}).
     */
    static boolean browserPage(HttpServletRequest request) {
        // what browsers add to a page load, over plain HTTP too (Upgrade-Insecure-Requests), and Fetch Metadata where
        // they send it; not Accept alone: Java's HttpURLConnection asks for text/html by default (re-test F3)
        String mode = request.getHeader("Sec-Fetch-Mode");
        String dest = request.getHeader("Sec-Fetch-Dest");
        return request.getHeader("Upgrade-Insecure-Requests") != null || "navigate".equalsIgnoreCase(mode)
                || "document".equalsIgnoreCase(dest) || "iframe".equalsIgnoreCase(dest);
    }
}
