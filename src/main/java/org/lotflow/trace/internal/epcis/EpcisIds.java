package org.lotflow.trace.internal.epcis;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The identifiers of an EPCIS document: GS1 keys where lotflow has them, its own URIs under
 * {@code lotflow.epcis.id-base} where it does not. A plain rule: no Spring, no database; {@code EpcisIdsTest}.
 * <ul>
 * <li>A lot (its class: product and lot, EPCIS "class-level identification"): the LGTIN as GS1 Digital Link
 * {@code https://id.gs1.org/01/{GTIN-14}/10/{lot number}} when its product has a GTIN and the lot number fits GS1
 * application identifier 10 (1 to 20 characters of GS1's character set 82); otherwise
 * {@code {id-base}/lots/{lot number}}, the same for every document.</li>
 * <li>The plant as location (readPoint, bizLocation, source and destination of type {@code location}):
 * {@code urn:epc:id:sgln:{company prefix}.{location reference}.0} from {@code lotflow.plant.gln} and
 * {@code lotflow.plant.company-prefix}; {@code https://id.gs1.org/414/{gln}} with the GLN alone;
 * {@code {id-base}/locations/plant} without a GLN. As party ({@code owning_party}): {@code urn:epc:id:pgln:...},
 * {@code https://id.gs1.org/417/{gln}}, or {@code {id-base}/parties/plant}.</li>
 * <li>Suppliers and customers (lotflow records them by name, without GS1 keys):
 * {@code {id-base}/parties/suppliers/{name}}, {@code {id-base}/parties/customers/{name}}.</li>
 * <li>Business transactions: {@code {id-base}/production-orders/{n}}, {@code {id-base}/sales-orders/{n}},
 * {@code {id-base}/deliveries/{reference}}; events: {@code {id-base}/events/...}; a lot's status change
 * {@code {id-base}/events/lots/{lot number}/status-changes/{history id}} ({@link #statusChange}).</li>
 * </ul>
 * Every name or number in a path is percent-encoded (UTF-8; everything but letters, digits and {@code -._~}),
 * so any lot number or customer name gives a valid URI.
 */
public final class EpcisIds {

    /** GS1 character set 82 (General Specifications 7.11, figure 7.11-1): what AI 10 (batch/lot) may hold. */
    private static final String CSET_82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private final String base;
    private final String gln;
    private final String companyPrefix;

    /**
     * @param idBase the base of lotflow's own URIs (an absolute {@code http(s)} URI; a trailing slash is dropped)
     * @param gln the plant's GLN, or null
     * @param companyPrefix the plant's GS1 company prefix (the GLN starts with it), or null
     */
    public EpcisIds(String idBase, String gln, String companyPrefix) {
        String b = idBase == null ? "" : idBase.trim();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        try {
            URI uri = new URI(b);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(b, "not an absolute http(s) URI with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("lotflow.epcis.id-base: '" + idBase + "' is not an absolute http(s) URI "
                    + "(e.g. https://id.example.com/plant-1)");
        }
        this.base = b;
        this.gln = gln;
        this.companyPrefix = companyPrefix != null && gln != null && gln.startsWith(companyPrefix)
                ? companyPrefix : null;
    }

    /** The base of lotflow's own URIs, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The class-level identifier of a lot: LGTIN (Digital Link) with a GTIN-14 it fits, else lotflow's URI. */
    public String lotClass(String gtin14, String lotNumber) {
        if (gtin14 != null && fitsAi10(lotNumber)) {
            return "https://id.gs1.org/01/" + gtin14 + "/10/" + encode(lotNumber);
        }
        return base + "/lots/" + encode(lotNumber);
    }

    /** Whether a lot number can be GS1 AI 10: 1 to 20 characters of character set 82. */
    public static boolean fitsAi10(String lotNumber) {
        if (lotNumber == null || lotNumber.isEmpty() || lotNumber.length() > 20) {
            return false;
        }
        return lotNumber.chars().allMatch(c -> CSET_82.indexOf(c) >= 0);
    }

    /** The plant as a location (SGLN). */
    public String plantLocation() {
        if (gln == null) {
            return base + "/locations/plant";
        }
        if (companyPrefix == null) {
            return "https://id.gs1.org/414/" + gln;
        }
        return "urn:epc:id:sgln:" + companyPrefix + "." + gln.substring(companyPrefix.length(), 12) + ".0";
    }

    /** The plant as a party (PGLN). */
    public String plantParty() {
        if (gln == null) {
            return base + "/parties/plant";
        }
        if (companyPrefix == null) {
            return "https://id.gs1.org/417/" + gln;
        }
        return "urn:epc:id:pgln:" + companyPrefix + "." + gln.substring(companyPrefix.length(), 12);
    }

    public String supplier(String name) {
        return base + "/parties/suppliers/" + encode(name);
    }

    public String customer(String name) {
        return base + "/parties/customers/" + encode(name);
    }

    public String productionOrder(String number) {
        return base + "/production-orders/" + encode(number);
    }

    public String salesOrder(String number) {
        return base + "/sales-orders/" + encode(number);
    }

    public String delivery(String reference) {
        return base + "/deliveries/" + encode(reference);
    }

    /** An event's id: {@code {id-base}/events/} and the encoded parts joined with {@code /}. */
    public String event(String... parts) {
        StringBuilder sb = new StringBuilder(base).append("/events");
        for (String p : parts) {
            sb.append('/').append(encode(p));
        }
        return sb.toString();
    }

    /**
     * The eventID of a lot's status change: {@code {id-base}/events/lots/{lot number}/status-changes/{id}}, {@code id}
     * the lot history's record of it ({@code lot_event.id}, never reused nor changed: the history is append-only).
     * The same change always has the same id, and no other event has it (EPCIS 2.0 section 7.4.1: an eventID is
     * globally unique and names one event for ever).
     */
    public String statusChange(String lotNumber, long historyId) {
        return event("lots", lotNumber, "status-changes", Long.toString(historyId));
    }

    /** The JSON-LD prefix of lotflow's own terms (extension fields): {@code {id-base}/vocab/}. */
    public String vocabulary() {
        return base + "/vocab/";
    }

    /** Percent-encodes {@code text} for a URI path segment: UTF-8, all but {@code A-Z a-z 0-9 - . _ ~}. */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
