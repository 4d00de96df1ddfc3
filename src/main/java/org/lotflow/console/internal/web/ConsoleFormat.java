package org.lotflow.console.internal.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

/**
 * How the Console writes times and quantities (templates call it as {@code @consoleFormat}): times in the
 * plant's zone ({@code lotflow.zone}, the clock's) with the zone named, e.g. {@code 2025-01-28 14:03 UTC};
 * quantities as exact decimals without trailing zeros, never rounded ({@code 150.5}, not {@code 150.500}).
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    /** A lot's unit by its number, or null when there is no such lot (a source lot's quantity is in its unit). */
    private final java.util.function.Function<String, String> unitOfLot;

    public ConsoleFormat(Clock clock) {
        this(clock, lotNumber -> null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ConsoleFormat(Clock clock, org.lotflow.lot.LotService lots) {
        this(clock, lotNumber -> {
            try {
                return lots.get(lotNumber).getProduct().getUnit();
            } catch (org.lotflow.shared.Refusal e) {
                return null;
            }
        });
    }

    ConsoleFormat(Clock clock, java.util.function.Function<String, String> unitOfLot) {
        this.zone = clock.getZone();
        this.unitOfLot = unitOfLot;
    }

    /** An instant (or its ISO text, as the API's JSON has it) in the plant's zone; "" for none. */
    public String time(Object value) {
        Instant at = instant(value);
        return at == null ? (value == null ? "" : value.toString())
                : TIME.format(at.atZone(zone)) + " " + zone.getId();
    }

    /**
     * A history event's detail value as a person reads it, not as Java prints a map (new user's U8): a map is "key
     * value, key value", a list its items separated by "; ", a yes/no a word, a number exact; "" for none.
     */
    public String detail(Object value) {
        return detail(value, false);
    }

    /**
     * {@link #detail(Object)} of an event whose lab values and limits are recorded as written ({@code asWritten}: the
     * event's {@code decimalsAsWritten}, since V156): 95.100000 is shown so, not as a limit's old padding (auditor
     * 2026-12-07 F3).
     */
    public String detail(Object value, boolean asWritten) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Map<?, ?> map) {
            // a lab result's value and limits as written (8.0, 8.50), as the results table shows them (re-test M3)
            boolean labResult = map.containsKey("test");
            return map.entrySet().stream().filter(e -> e.getValue() != null)
                    .map(e -> words(e.getKey()) + " " + (labResult && MEASURED.contains(String.valueOf(e.getKey()))
                            ? (asWritten ? measured(e.getValue()) : recordedMeasure(e.getValue()))
                            : detail(e.getValue(), asWritten)))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(v -> detail(v, asWritten))
                    .collect(java.util.stream.Collectors.joining("; "));
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return qty(value);
        }
        if (value instanceof String text && ISO_INSTANT.matcher(text).matches()) {
            // an instant kept as ISO text (a hold's decision due, a recall's opening) as every time on the page
            // (new user 2026-12-06 L2: "2025-02-04T09:08:25.145Z" beside "2025-02-04 09:08 UTC")
            return time(text);
        }
        return value.toString();
    }

    /**
     * A history event's detail value under its key, an engine code in the words the forms use for it (new user
     * 2026-12-07 F10: "conclusion LAB_ERROR", "method RETURNED_TO_SUPPLIER", "decision REJECT"): a phase I
     * {@code conclusion}, a disposal {@code method}, a signed {@code decision}, a recall {@code classification}, a
     * recall answer's {@code contactMethod}, a hold's trigger {@code source} chosen by hand and any hold's
     * {@code trigger}, a customer notice's {@code outcome}, a recall scope's lot {@code status}; any other value as
     * {@link #detail(Object, boolean)} writes it. The code itself stays the API's and the event's.
     */
    public String detail(Object key, Object value, boolean asWritten) {
        if (key != null && value instanceof String code) {
            String words = codeWords(key.toString(), code);
            if (words != null) {
                return words;
            }
        }
        if ("sourceLots".equals(key) && value instanceof java.util.Collection<?> sources && !sources.isEmpty()
                && sources.stream().allMatch(x -> x instanceof java.util.Map<?, ?> m && m.get("lotNumber") != null)) {
            // "RM-2025-015: 1000 gal", the source lot's unit, not "quantity 1000, lot number RM-2025-015" beside a lot
            // counted in drums (new user 26 F3)
            return sources.stream().map(x -> (java.util.Map<?, ?>) x).map(m -> {
                String unit = unitOfLot.apply(m.get("lotNumber").toString());
                return m.get("lotNumber") + ": " + qty(m.get("quantity")) + (unit == null ? "" : " " + unit);
            }).collect(java.util.stream.Collectors.joining("; "));
        }
        if ("manufactureDateStated".equals(key) && value instanceof Boolean stated) {
            // "manufacture date stated no" read as nothing (new user 2026-12-07 F10); the lot's page says it so
            return stated ? "yes, by the supplier" : "no: the supplier stated none, the receipt date stands in for it";
        }
        return detail(value, asWritten);
    }

    /** The words of a detail's code under its key; null when the key has none or the code is not one of them. */
    private String codeWords(String key, String code) {
        return switch (key) {
            case "conclusion" -> CONCLUSIONS.get(code);
            case "method" -> {
                String words = disposalMethod(code);
                yield words == null ? null : Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
            // a customer notice's outcome is the hold's signed decision (new user round 25 N2: "outcome RELEASE")
            case "decision", "disposition", "outcome" -> decision(code);
            case "signedDecision" -> "APPROVED".equals(code) ? "Approved" : "REFUSED".equals(code) ? "Refused" : null;
            case "classification" -> code.startsWith("CLASS_") ? recallClass(code) : null;
            case "contactMethod" -> CONTACT_METHODS.get(code);
            // a hold's trigger, else a lot's source (RECEIPT is both: a new lot's "source" is where it came from)
            case "source" -> org.lotflow.quarantine.Holds.SOURCE_WORDS.getOrDefault(code, lotSource(code));
            // a hold's trigger, those lotflow places itself included (new user round 25 N2: "trigger COMPLAINT")
            case "trigger" -> org.lotflow.quarantine.Holds.TRIGGER_WORDS.get(code);
            // the lot's status when a recall's scope reached it (a recall's scope record)
            case "status" -> lotStatusOrNull(code);
            case "escalatedTo" -> org.lotflow.security.Groups.displayName(code);
            default -> null;
        };
    }

    /** A lot's status in words ("In quarantine"); null for no such status. */
    private String lotStatusOrNull(String code) {
        String words = lotStatus(code);
        return words.equals(code) ? null : words;
    }

    /** A lot's source in words ("Received from a supplier"); null for no such source. */
    private static String lotSource(String code) {
        try {
            return org.lotflow.lot.LotSource.valueOf(code).inWords();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The history details that name a person by user id, which pages write as {@code Full Name (id)} (new user
     * 2026-12-07 N7: "approved by jennifer", "analyst sarah" beside "Jennifer Lee (jennifer)" in the Who column).
     */
    private static final java.util.Set<String> PERSON_DETAILS = java.util.Set.of("approvedBy", "signedBy",
            "labRecordedBy", "analyst", "investigatedBy", "decidedBy", "recordedBy", "openedBy");

    /** Whether a history detail under {@code key} names a person by user id ({@link #PERSON_DETAILS}). */
    public boolean names(Object key, Object value) {
        return key != null && value instanceof String && PERSON_DETAILS.contains(key.toString());
    }

    /** A disposal method in the disposal form's words ("returned to the supplier"); null for no such method. */
    static String disposalMethod(String code) {
        try {
            return code == null ? null : org.lotflow.lot.LotDisposal.Method.valueOf(code).inWords();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Phase I's conclusions as the laboratory investigation form words them (investigateLabError.form). */
    private static final java.util.Map<String, String> CONCLUSIONS = java.util.Map.of(
            "LAB_ERROR", "Laboratory error (assignable): the result is invalid, retest",
            "CONFIRMED", "Confirmed: no laboratory error");

    /** How a customer was reached (or tried), as the notification form words it (notifyCustomer.html). */
    private static final java.util.Map<String, String> CONTACT_METHODS = java.util.Map.of("PHONE", "Telephone call",
            "EMAIL", "E-mail", "LETTER", "Letter", "FAX", "Fax", "VISIT", "Personal visit");

    /**
     * A signed decision (an OOS decision, a hold's disposition) in words: REJECT is "Reject", RELEASE "Release", RECALL
     * "Recall"; another text as it is; "" for none.
     */
    public String decision(Object code) {
        return inWords(DECISIONS, code);
    }

    private static final java.util.Map<String, String> DECISIONS = java.util.Map.of("REJECT", "Reject", "RELEASE",
            "Release", "RECALL", "Recall");

    /** {@code code} in the words {@code words} give it; another text as it is; "" for none. */
    private static String inWords(java.util.Map<String, String> words, Object code) {
        return code == null ? "" : words.getOrDefault(code.toString(), code.toString());
    }

    /**
     * An FDA recall class in words (21 CFR 7.3(m)): CLASS_II is "Class II" (new user 2026-12-07 F10); the API and the
     * recall's record keep the code. Another text as it is; "" for none.
     */
    public String recallClass(Object code) {
        return org.lotflow.recall.Classification.inWords(code);
    }

    /**
     * A recall's status in words: NOTIFYING is "Notifying customers", AWAITING_CLOSE "Awaiting closure", CLOSED
     * "Closed" (new user 2026-12-07 F10); the code stays the API's (and the badge's style). Another text as it is.
     */
    public String recallStatus(Object code) {
        return inWords(RECALL_STATUSES, code);
    }

    private static final java.util.Map<String, String> RECALL_STATUSES = java.util.Map.of("NOTIFYING",
            "Notifying customers", "AWAITING_CLOSE", "Awaiting closure", "CLOSED", "Closed");

    /**
     * An allocation override's status in words, as the order page and the FEFO compliance report say it (new user
     * round 24 N2: "APPROVED"): PENDING is "Pending", LOT_UNAVAILABLE "Approved, requested lot unavailable"; the
     * API and the CSV keep the code. Another text as it is; "" for none.
     */
    public String overrideStatus(Object code) {
        return inWords(OVERRIDE_STATUSES, code);
    }

    private static final java.util.Map<String, String> OVERRIDE_STATUSES = java.util.Map.of("PENDING", "Pending",
            "APPROVED", "Approved", "LOT_UNAVAILABLE", "Approved, requested lot unavailable", "REFUSED", "Refused",
            "WITHDRAWN", "Withdrawn");

    /**
     * The codes of the Console-rendered reports' columns in the words the pages use, by report form (its id) and
     * column: the recall impact report's class and recall status, the FEFO compliance report's override status (new
     * user round 24 N2: "CLASS_I", "CLOSED", "APPROVED"). A column named alike in another report (a lot's "status")
     * keeps its code. The API and the CSV keep the codes.
     */
    public java.util.Map<String, java.util.Map<String, java.util.Map<String, String>>> reportCodeWords() {
        java.util.Map<String, String> classes = new java.util.LinkedHashMap<>();
        for (org.lotflow.recall.Classification c : org.lotflow.recall.Classification.values()) {
            classes.put(c.name(), recallClass(c.name()));
        }
        return java.util.Map.of(
                "report-recall-impact", java.util.Map.of("classification", classes, "status",
                        new java.util.TreeMap<>(RECALL_STATUSES)),
                "report-fefo-compliance", java.util.Map.of("status", new java.util.TreeMap<>(OVERRIDE_STATUSES)),
                // a hold's outcome as its signed disposition says it (new user round 24b N5: "RELEASE", "REJECT")
                "report-complaints", java.util.Map.of("outcome", java.util.Map.of("OPEN", "Open (not decided yet)",
                        "RELEASE", decision("RELEASE"), "REJECT", decision("REJECT"), "RECALL", decision("RECALL"))));
    }

    /**
     * A lot's status in words, "Recalled", "In quarantine" (new user round 24 N7: "RECALLED" on the drill's page); the
     * code stays the API's (and a row's {@code data-status}). Another text as it is; "" for none.
     */
    public String lotStatus(Object code) {
        if (code == null) {
            return "";
        }
        try {
            String words = org.lotflow.lot.LotStatus.valueOf(code.toString()).inWords();
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }

    /** A product's category in words, "Industrial products" (new user round 24 N7); another text as it is. */
    public String productCategory(Object code) {
        if (code == null) {
            return "";
        }
        try {
            return org.lotflow.product.ProductCategory.valueOf(code.toString()).inWords();
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }

    /**
     * An order's status in words (new user round 24b N5: "OVERRIDE_PENDING", "UNALLOCATED"): OVERRIDE_PENDING is
     * "Waiting for an override decision", PARTIALLY_SHIPPED "Partly shipped"; the code stays the API's and the CSV's
     * (and the badge's style and title). Another text as it is; "" for none.
     */
    public String orderStatus(Object code) {
        return inWords(ORDER_STATUSES, code);
    }

    private static final java.util.Map<String, String> ORDER_STATUSES = java.util.Map.of("CANCELLED", "Cancelled",
            "OVERRIDE_PENDING", "Waiting for an override decision", "SHIPPED", "Shipped", "PARTIALLY_SHIPPED",
            "Partly shipped", "ALLOCATED", "Allocated", "PARTIALLY_ALLOCATED", "Partly allocated", "UNALLOCATED",
            "Not allocated");

    /**
     * An allocation's status in words (new user round 24b N5): OPEN is "Open (to ship)", SHIPPED "Shipped", CANCELLED
     * "Cancelled"; another text as it is; "" for none.
     */
    public String allocationStatus(Object code) {
        return inWords(java.util.Map.of("OPEN", "Open (to ship)", "SHIPPED", "Shipped", "CANCELLED", "Cancelled"),
                code);
    }

    /**
     * A certificate of analysis's standing in words (new user round 24b N5: "COA-2025-0001 (CURRENT, ...)"): CURRENT
     * is "current", WITHDRAWN "withdrawn" (audit 26 F2), SUPERSEDED "superseded by a later one", in lower case as it
     * reads inside a sentence's parentheses; another text as it is; "" for none.
     */
    public String certificateStatus(Object code) {
        return inWords(java.util.Map.of("CURRENT", "current", "WITHDRAWN", "withdrawn", "SUPERSEDED",
                "superseded by a later one"), code);
    }

    /**
     * A serial's status in words (new user 26 F6: "IN_STOCK", "SHIPPED" on a lot's page): IN_STOCK is "in stock",
     * RETURNED "back under a recall", DISPOSED "disposed of", CONSUMED "used in another lot"; the API keeps the code.
     * Another text as it is; "" for none.
     */
    public String serialStatus(Object code) {
        return inWords(SERIAL_STATUSES, code);
    }

    private static final java.util.Map<String, String> SERIAL_STATUSES = java.util.Map.of("IN_STOCK", "in stock",
            "SHIPPED", "shipped", "RETURNED", "back under a recall", "DISPOSED", "disposed of", "CONSUMED",
            "used in another lot");

    /**
     * A drill's customer and lot in the four figures its column names (new user 26 F4: "200 drums shipped, none
     * received back" under "Shipped, received back, destroyed at the customer, still at the customer"): "200 drums
     * shipped, none received back, none destroyed at the customer, 200 drums still at the customer"; a figure a drill
     * started before it was counted is said to be not counted, never left out.
     */
    public String customerLot(org.lotflow.drill.MockRecallReport.CustomerLot l) {
        String unit = " " + l.unit();
        StringBuilder out = new StringBuilder(qty(l.quantity()) + unit + " shipped, ");
        out.append(l.receivedBack() == null ? "received back not counted" : figure(l.receivedBack(), unit)
                + " received back").append(", ");
        out.append(l.destroyedAtCustomer() == null ? "destroyed at the customer not counted"
                : figure(l.destroyedAtCustomer(), unit) + " destroyed at the customer").append(", ");
        out.append(l.stillAtCustomer() == null ? "still at the customer not counted" : figure(l.stillAtCustomer(), unit)
                + " still at the customer");
        if (l.receivedBack() == null || l.stillAtCustomer() == null || l.destroyedAtCustomer() == null) {
            out.append(" (the drill started before lotflow counted them)");
        }
        return out.toString();
    }

    private String figure(BigDecimal value, String unit) {
        return value.signum() == 0 ? "none" : qty(value) + unit;
    }

    /** An ordinal as English writes it: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd. */
    public String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /**
     * How long a drill took, as the clock says it and as its target counts it (new user 26 F7: 09:25 to 09:27 read "3
     * minutes"): "2 min 6 s (3 minutes against the target: a begun minute counts)"; whole minutes as "3 minutes".
     */
    public String drillElapsed(Instant startedAt, Instant finishedAt, Long counted) {
        if (counted == null) {
            return "";
        }
        String minutes = counted + (counted == 1 ? " minute" : " minutes");
        if (startedAt == null || finishedAt == null) {
            return minutes;
        }
        java.time.Duration took = java.time.Duration.between(startedAt, finishedAt);
        long whole = took.toMinutes();
        long seconds = took.toSecondsPart();
        if (seconds == 0 && took.toNanosPart() == 0 && whole == counted.longValue()) {
            return minutes;
        }
        return (whole > 0 ? whole + " min " : "") + seconds + " s (" + minutes + " against the target: a begun minute"
                + " counts)";
    }

    /** A mock-recall drill's status in words: IN_PROGRESS is "In progress", PASSED "Passed", FAILED "Failed". */
    public String drillStatus(Object code) {
        return inWords(java.util.Map.of("IN_PROGRESS", "In progress", "PASSED", "Passed", "FAILED", "Failed"), code);
    }

    /**
     * A history event's type in words, the field's acronyms kept ({@code OOS_LAB_INVESTIGATION_CONCLUDED} is "OOS lab
     * investigation concluded"); the code itself is the row's {@code data-type} and its cell's title (new user
     * 2026-12-07 F2: the codes read as a program's).
     */
    public String eventType(String type) {
        if (type == null || type.isEmpty()) {
            return "";
        }
        if (type.equals("OOS_PRODUCTION_INVESTIGATION_CONCLUDED")) {
            // FDA's name for phase II, also for a received lot, whose phase II reviews the supplier (new user
            // 2026-12-07 F4); the code keeps its first name
            return "OOS full-scale investigation concluded";
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String w : type.split("_")) {
            words.add(ACRONYMS.contains(w) ? w : w.toLowerCase(java.util.Locale.ROOT));
        }
        String text = String.join(" ", words);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("OOS", "COA", "FEFO", "EPCIS", "QA", "GTIN",
            "CAPA", "RMA", "ID");

    /** The keys of a lab result's detail that are measured values or limits, shown as written. */
    private static final java.util.Set<String> MEASURED = java.util.Set.of("value", "min", "max");

    private static final java.util.regex.Pattern ISO_INSTANT = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

    /** A detail's key in words: "decisionDueAt" is "decision due at". */
    public String words(Object key) {
        return key == null ? "" : wordsOf(key.toString());
    }

    /** camelCase in lower-case words ("decisionDueAt": "decision due at"); also the form errors' field names. */
    static String wordsOf(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A lab value or limit as the lab and the specification wrote it (8.0 stays 8.0; new user 2026-12-06 M3), never in
     * exponent form; "" for none.
     */
    public String measured(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return org.lotflow.shared.input.Decimals.plain(d).toPlainString();
    }

    /** Whether two numbers differ (as decimals: 60 and 60.0 are the same); a missing one counts as 0. */
    public boolean differs(Object a, Object b) {
        BigDecimal x = a == null ? BigDecimal.ZERO : new BigDecimal(a.toString());
        BigDecimal y = b == null ? BigDecimal.ZERO : new BigDecimal(b.toString());
        return x.compareTo(y) != 0;
    }

    /** Whether {@code a} is more than {@code b} (as decimals); a missing one counts as 0. */
    public boolean more(Object a, Object b) {
        BigDecimal x = a == null ? BigDecimal.ZERO : new BigDecimal(a.toString());
        BigDecimal y = b == null ? BigDecimal.ZERO : new BigDecimal(b.toString());
        return x.compareTo(y) > 0;
    }

    /**
     * A lab value or limit of a history record as written; a limit recorded before they were kept as written (V156)
     * carries the column's padding of 6 decimals (245.000000), shown without it, as then.
     */
    private String recordedMeasure(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.scale() == 6 ? qty(d) : measured(d);
    }

    /** A quantity as an exact decimal; "" for none. */
    public String qty(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /**
     * A share in per cent as the Console writes every one (new user round 24 N3: "85.7 %", "100.00 %", "100.0%"): one
     * decimal, as the API gives its rates, and the sign after a space, "85.7 %"; a figure of more decimals (a drill's
     * reconciliation, 99.99) cut to one, never rounded up to a 100.0 it did not reach; "" for none.
     */
    public String percent(Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(1, java.math.RoundingMode.DOWN).toPlainString() + " %";
    }

    /**
     * An ISO-8601 duration as a person reads it ({@code PT48H} is "48 hours", {@code P2D} "2 days", {@code PT90M}
     * "1 hour 30 minutes"); the text itself when it is no duration; "" for none.
     */
    public String duration(Object value) {
        if (value == null) {
            return "";
        }
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                java.time.Period p = java.time.Period.parse(value.toString());
                return p.getYears() == 0 && p.getMonths() == 0 ? plural(p.getDays(), "day") : value.toString();
            } catch (java.time.format.DateTimeParseException notAPeriod) {
                return value.toString();
            }
        }
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        if (hours == 0) {
            return plural(minutes, "minute");
        }
        return plural(hours, "hour") + (minutes == 0 ? "" : " " + plural(minutes, "minute"));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A date as ISO text; "" for none. */
    public String date(Object value) {
        return value == null ? "" : value instanceof LocalDate d ? d.toString() : value.toString();
    }

    /** The plant's zone id. */
    public String zone() {
        return zone.getId();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof String s && !s.isEmpty()) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** A hold's reason after its trigger's words, without repeating them ({@code Holds#reasonAfterTrigger}). */
    public String holdReason(Object source, Object reason) {
        return org.lotflow.quarantine.Holds.reasonAfterTrigger(source == null ? null : source.toString(),
                reason == null ? null : reason.toString());
    }
}
