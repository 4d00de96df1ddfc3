package org.lotflow.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}),
 * complete enough for a generated client (issue #12):
 * <ul>
 * <li>the HTTP Basic security scheme {@code basicAuth}, required by every operation (the same
 * Camunda users as Tasklist; a webapp session cookie works too but is not described);</li>
 * <li>per operation a summary, its success status with the answer's schema (springdoc reads the
 * controller's return type; the status is set here, because {@code ResponseEntity.created(..)} is not
 * visible to it), and its RFC 9457 {@code application/problem+json} answers
 * ({@code ProblemDetail}: {@code type, title, status, detail, instance}, and lotflow's {@code field},
 * {@code reason} and {@code errors} for bad input) for the 4xx statuses the operation can really give:
 * <ul>
 * <li>{@code 401} (no or wrong login) and {@code 429} (lockout, {@code Retry-After}) on every operation;</li>
 * <li>{@code 400} (a field named) on every operation with a body or query parameters, {@code 413} on
 * every one with a body ({@code lotflow.api.max-request-size});</li>
 * <li>{@code 403}, {@code 404} and {@code 409} as listed in {@link #OPERATIONS}, from the use cases'
 * rules (who may, what must exist, which states refuse).</li>
 * </ul></li>
 * </ul>
 * An operation missing from {@link #OPERATIONS} keeps springdoc's defaults; {@code OpenApiDocsTest}
 * fails on it, so a new endpoint gets its line here.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    /** The name of the HTTP Basic scheme in {@code components.securitySchemes}. */
    public static final String BASIC_AUTH = "basicAuth";
    /** The name of the problem schema in {@code components.schemas}. */
    public static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";

    /** What springdoc cannot see of one operation. */
    record Doc(String summary, List<String> success, Set<String> problems) {

        static Doc of(String summary, String success, String... problems) {
            return new Doc(summary, List.of(success.split(" ")), Set.of(problems));
        }
    }

    /**
     * Each {@code /api} operation ("METHOD path"): summary, success status(es), and its 403 / 404 / 409
     * answers (400, 401, 413 and 429 follow from its shape, see above).
     */
    static final Map<String, Doc> OPERATIONS = Map.ofEntries(
            Map.entry("POST /api/products", Doc.of("Create a product with its specification and lot number pattern (production)", "201", "403", "409")),
            Map.entry("GET /api/products", Doc.of("List the products", "200")),
            Map.entry("GET /api/products/{sku}", Doc.of("Read a product and its specification", "200", "404")),
            Map.entry("POST /api/lots", Doc.of("Create a lot: status PENDING, lotRelease started; source PRODUCTION (default) or REPACKAGING, which lists the lots it was repacked from in sourceLots and expires no later than the earliest of them (production)", "201", "403", "409")),
            Map.entry("GET /api/lots", Doc.of("List lots in FEFO order, one page at a time ({items, nextCursor}); filter by SKU, status, expiry, supplier lot number", "200")),
            Map.entry("POST /api/receipts", Doc.of("Receive a supplier's delivery: one lot per line and expiration date, source RECEIPT, all lines or none (production)", "201", "403", "409")),
            Map.entry("GET /api/traceability/fsma204", Doc.of("FSMA 204 records of a lot's trace (lot=), of every lot of a supplier lot / traceability lot code (supplierLotNumber=, supplier=) or of a date range (from=, to=): one CSV row per critical tracking event with its key data elements", "200", "400", "403", "404")),
            Map.entry("GET /api/traceability/epcis", Doc.of("GS1 EPCIS 2.0 document (JSON-LD) of a lot's trace (lot=) or of every lot of a supplier lot (supplierLotNumber=, supplier=), both directions: receipts, commissioning, transformations, shipments, dispositions", "200", "400", "403", "404")),
            Map.entry("GET /api/recalls/{recallNumber}/epcis", Doc.of("GS1 EPCIS 2.0 document (JSON-LD) of a recall's scope: the events of its FSMA 204 export", "200", "403", "404")),
            Map.entry("GET /api/lots/{lotNumber}", Doc.of("Read a lot: quantities, dates, hold, investigation, allocations, recalls", "200", "404")),
            Map.entry("GET /api/lots/{lotNumber}/history", Doc.of("Read a lot's history, oldest first", "200", "404")),
            Map.entry("POST /api/lots/{lotNumber}/lab-results", Doc.of("Record a lot's lab results and judge them against the specification (QA)", "200", "403", "404", "409")),
            Map.entry("GET /api/lots/{lotNumber}/lab-results", Doc.of("Read a lot's lab verdict", "200", "404")),
            Map.entry("POST /api/lots/{lotNumber}/holds", Doc.of("Put a lot on hold: QUARANTINE, quarantineInvestigation started (QA)", "202", "403", "404", "409")),
            Map.entry("POST /api/lots/{lotNumber}/disposals", Doc.of("Record that part or all of an EXPIRED lot's stock on hand was destroyed or returned to its supplier (QA manager, production)", "201", "403", "404", "409")),
            Map.entry("POST /api/lots/{lotNumber}/disposition", Doc.of("Sign a held lot's disposition with a re-entered password (QA manager)", "200", "403", "404", "409")),
            Map.entry("GET /api/lots/{lotNumber}/coa", Doc.of("Read a released lot's current certificate of analysis, JSON or PDF (Accept: application/pdf); recorded as handed out, optionally for a customer (sales, QA); refused while it is withdrawn: the lot rejected or recalled, or held since and not released again, whatever its status now", "200", "403", "404", "409")),
            Map.entry("GET /api/lots/{lotNumber}/coa/{coaNumber}", Doc.of("Read one of a lot's certificates of analysis by number, current or superseded, JSON or PDF; recorded as handed out (sales, QA); the latest one refused like /coa while it is withdrawn (the lot held since and not released again, rejected or recalled)", "200", "403", "404", "409")),
            Map.entry("GET /api/lots/{lotNumber}/trace", Doc.of("Trace a lot downstream (who got it) or upstream (what it is made of), JSON or CSV", "200", "403", "404")),
            Map.entry("POST /api/orders", Doc.of("Place an order, allocated first-expired-first-out at once (sales)", "201", "403", "409")),
            Map.entry("GET /api/orders", Doc.of("List orders newest first, by customer, product, open or with a shortfall, paged by cursor", "200", "400")),
            Map.entry("GET /api/orders/{orderNumber}", Doc.of("Read an order with its allocations and shipments", "200", "404")),
            Map.entry("DELETE /api/orders/{orderNumber}", Doc.of("Cancel an order; open allocations go back to stock (sales)", "200", "403", "404", "409")),
            Map.entry("POST /api/orders/{orderNumber}/shipments", Doc.of("Ship an order's open allocations: 201 with the new lines, 200 when nothing is left to ship (sales)", "201 200", "403", "404", "409")),
            Map.entry("POST /api/recalls", Doc.of("Open a recall of lots and everything made from them (wholeSupplierLot: true adds the other lots of a named received lot's supplier lot; otherLotsOfSupplierLots lists those left out): lotRecall started (recall coordinator)", "201", "403", "409")),
            Map.entry("GET /api/recalls/{recallNumber}", Doc.of("Read a recall: scope, customers, effectiveness, timeline", "200", "403", "404")),
            Map.entry("POST /api/recalls/{recallNumber}/received-returns", Doc.of("Receive a recalled lot's goods a customer sent back: on hand again in the lot, disposed of by the recall's signed closing (recall coordinator, QA manager; 21 CFR 7.55(a))", "201", "400", "403", "404", "409")),
            Map.entry("POST /api/recalls/{recallNumber}/returns", Doc.of("Record what a customer returned to the plant or destroyed on site after it was told of the recall, when it comes (added to its answer; recall coordinator, QA manager; 21 CFR 7.42(b)(3), 7.59)", "200", "400", "403", "404", "409")),
            Map.entry("POST /api/recalls/{recallNumber}/notifications", Doc.of("Record a customer's answer to a recall notice: whether it was reached at all (reached, default true; not reached: never notified, 21 CFR 7.53), how and whom it was reached or tried (contactMethod, contactPerson), whether it acknowledged, what it returned and destroyed on site, a note (21 CFR 7.42(b)(3), 7.49, 7.59; recall coordinator, QA manager)", "200", "403", "404", "409")),
            Map.entry("POST /api/recalls/{recallNumber}/close", Doc.of("Close a recall with its effectiveness check (QA manager)", "202", "403", "404", "409")),
            Map.entry("GET /api/recalls/{recallNumber}/export", Doc.of("Export a recall's critical tracking events (receiving, transformation, shipping) with their FSMA 204 key data elements as CSV", "200", "403", "404")),
            Map.entry("POST /api/mock-recalls", Doc.of("Start a mock-recall drill on a lot: traced both ways with the mass balance of every lot, mockRecall started; changes no lot, order or customer (recall coordinator)", "201", "403", "404", "409")),
            Map.entry("GET /api/mock-recalls", Doc.of("The history of mock-recall drills, newest first: result, target and elapsed minutes, reconciliation (recall coordinator, QA manager)", "200", "403")),
            Map.entry("GET /api/mock-recalls/{drillNumber}", Doc.of("A mock-recall drill's report: times against the target, scope, suppliers, customers, mass balance and findings; JSON or PDF (Accept: application/pdf) (recall coordinator, QA manager)", "200", "403", "404")),
            Map.entry("POST /api/mock-recalls/{drillNumber}/review", Doc.of("Review a drill's scope: is the trace complete, and the findings (recall coordinator)", "200", "403", "404", "409")),
            Map.entry("POST /api/mock-recalls/{drillNumber}/close", Doc.of("Close a drill with a closing statement: PASSED or FAILED by its rules (recall coordinator)", "200", "403", "404", "409")),
            Map.entry("GET /api/reports/fefo", Doc.of("The FIFO management report of a product, one page at a time (size 1-5000, default 500; cursor from nextCursor or the Link header): lots in allocation order with their action; JSON or CSV (production, QA, sales)", "200", "400", "403")),
            Map.entry("GET /api/reports/expiring", Doc.of("Lots with stock on hand expiring within a number of days, in FEFO order, one page at a time (size, cursor, Link header as the FIFO report); JSON or CSV (production, QA, sales)", "200", "400", "403")),
            Map.entry("GET /api/reports/fefo-compliance", Doc.of("FEFO compliance of a product's allocations, overrides with reason and approver; JSON or CSV (production, QA, sales)", "200", "403")),
            Map.entry("GET /api/serials/{serial}", Doc.of("Where a serial is: its product, lot, lot status, status (IN_STOCK, SHIPPED) and, once shipped, customer and order; ?sku= when several products share the serial (business groups)", "200", "400", "403", "404")),
            Map.entry("GET /api/serials/{serial}/trace", Doc.of("Trace from a serial: the serial and its lot's trace downstream or upstream, shipments with their serials (business groups)", "200", "400", "403", "404")),
            Map.entry("GET /api/lots/{lotNumber}/serials", Doc.of("A lot's serial numbers in registration order, one page at a time (size 1-5000, default 500; cursor), with counts per status (business groups)", "200", "400", "403", "404")),
            Map.entry("POST /api/lots/{lotNumber}/serials", Doc.of("Register serial numbers of a serialised product's lot in bulk, all or none; unique per product (production)", "201", "400", "403", "404", "409")),
            Map.entry("GET /api/audit/clock-settings", Doc.of("Every start on a fixed day (lotflow.today) the chained audit trail recorded as CLOCK_SET: the day, the real time, the node, what allowed it (QA managers, administrators)", "200", "403")),
            Map.entry("GET /api/audit/verify", Doc.of("Verifies the audit trail's hash chain end to end and records the check: intact, events, last hash, first break (QA managers, administrators)", "200", "403")),
            Map.entry("GET /api/reports/daily", Doc.of("The seed's daily review of a past day, computed from the history; JSON or CSV (business groups)", "200", "403")),
            Map.entry("GET /api/reports/quality-history", Doc.of("Lot quality history of a product: every lab value per test across lots with its limits; JSON or CSV (QA)", "200", "403")),
            Map.entry("GET /api/reports/quality-trend", Doc.of("Quality trend per test of a product: statistics, control limits, months, chart points; JSON or CSV (QA)", "200", "403")),
            Map.entry("GET /api/reports/quality-trend/chart", Doc.of("One test's quality trend as a control chart (PNG): values per lot with the specification and control limits (QA)", "200", "400", "403")),
            Map.entry("GET /api/reports/complaints", Doc.of("Customer complaint analysis: holds by source, product, customer and outcome; JSON or CSV (QA)", "200", "403")),
            Map.entry("GET /api/reports/recall-impact", Doc.of("Recall impact analysis: scope and per customer shipped, notified, returned, outstanding; JSON or CSV (QA, recall coordinators)", "200", "403", "404")),
            Map.entry("GET /api/reports/inventory-aging", Doc.of("Inventory aging: stock on hand by age and by remaining shelf life; JSON or CSV (production, QA, sales)", "200", "403")),
            Map.entry("GET /api/reports/rotation", Doc.of("Rotation efficiency: monthly throughput and turnover in months per product; JSON or CSV (production, QA, sales)", "200", "403")),
            Map.entry("GET /api/reports/cost-impact", Doc.of("Cost impact of expired and rejected inventory, in quantities; JSON or CSV (production, QA, sales)", "200", "403")),
            Map.entry("GET /api/security/events", Doc.of("Recent security events: failed logins and signatures, lockouts (QA manager)", "200", "403")),
            Map.entry("GET /api/security/lockouts", Doc.of("Current lockouts (administrator)", "200", "403")),
            Map.entry("DELETE /api/security/lockouts/{userId}", Doc.of("Lift a user's lockouts (administrator)", "200", "403")),
            Map.entry("POST /api/orders/{orderNumber}/allocations", Doc.of("Allocate an open order's shortfall by FEFO"
                    + " from the released lots free now (sales)", "200", "403", "404", "409")),
            Map.entry("POST /api/security/users/{userId}/signer-confirmation", Doc.of("Confirm a signer's identity after"
                    + " an administrator set their password and they set their own (another administrator; 21 CFR"
                    + " 11.100(b))", "200", "403", "404", "409")));

    private static final Map<String, String> PROBLEM_DESCRIPTIONS = Map.of(
            "400", "Bad input: the problem names the field (`field`, `reason`, or `errors`); nothing changed",
            "401", "No login, or a wrong user id or password (HTTP Basic); nothing changed",
            "403", "The caller's groups may not do this (or, for a signature, the signature is refused); nothing changed",
            "404", "Nothing of that number or id exists",
            "409", "The state of what it concerns refuses it (or a concurrent change won); nothing changed",
            "413", "The request body is larger than lotflow.api.max-request-size",
            "429", "Too many failed logins of this user id from this address: locked for the seconds in Retry-After");

    @Bean
    OpenApiCustomizer lotflowApiDocumentation() {
        return ApiDocumentation::customize;
    }

    static void customize(OpenAPI api) {
        api.info(new Info().title("lotflow API").version("1")
                .description("Lot and batch tracking: products, lots, lab release, holds and dispositions, FEFO "
                        + "orders and shipments, trace and recall. Every call needs a login: HTTP Basic with a Camunda "
                        + "user (the demo data's users have their user id as password). Refusals are RFC 9457 "
                        + "application/problem+json and change nothing.")
                .license(new License().name("Apache-2.0")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A Camunda user's id and password"));
        components.addSchemas(PROBLEM, problemSchema());
        api.setSecurity(List.of(new SecurityRequirement().addList(BASIC_AUTH)));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Doc doc = OPERATIONS.get(method.name() + " " + path);
            if (doc != null) {
                document(operation, doc);
            }
        }));
    }

    private static void document(Operation operation, Doc doc) {
        operation.setSummary(doc.summary());
        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC_AUTH)));
        ApiResponses generated = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse ok = generated.get("200");
        Map<String, ApiResponse> answers = new TreeMap<>();
        for (String status : doc.success()) {
            ApiResponse success = new ApiResponse().description(successDescription(status))
                    .content(ok == null ? null : ok.getContent());
            if (ok != null && ok.getHeaders() != null) {
                success.setHeaders(ok.getHeaders());
            }
            answers.put(status, success);
        }
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("query"::equals);
        if (body || query) {
            answers.put("400", problem("400"));
        }
        answers.put("401", problem("401"));
        doc.problems().forEach(status -> answers.put(status, problem(status)));
        if (body) {
            answers.put("413", problem("413"));
        }
        answers.put("429", problem("429"));
        ApiResponses responses = new ApiResponses();
        answers.forEach(responses::addApiResponse);
        operation.setResponses(responses);
    }

    private static String successDescription(String status) {
        return switch (status) {
            case "201" -> "Created";
            case "202" -> "Accepted: the process goes on asynchronously";
            default -> "OK";
        };
    }

    private static ApiResponse problem(String status) {
        return new ApiResponse().description(PROBLEM_DESCRIPTIONS.get(status)).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("A URI that identifies the kind of problem"));
        properties.put("title", new StringSchema().description("Short summary of the kind of problem"));
        properties.put("status", new IntegerSchema().description("The HTTP status code"));
        properties.put("detail", new StringSchema().description("The sentence for a person: what was refused and why"));
        properties.put("instance", new StringSchema().format("uri").description("The request path"));
        properties.put("field", new StringSchema().description("Bad input: the field refused (dotted path, e.g. results[0].value)"));
        properties.put("reason", new StringSchema().description("Bad input: why the field was refused"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("reason", new StringSchema()))
                .description("Bad input: every field refused"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.description("RFC 9457 problem details, with lotflow's extension members for bad input");
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }
}
