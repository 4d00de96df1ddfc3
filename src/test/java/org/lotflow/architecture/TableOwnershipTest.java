package org.lotflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lotflow.support.Standalone;

/**
 * No module reads or writes another module's tables (issue 10): each table, and each JPA entity mapped
 * to one, belongs to exactly one module, and only that module's code names it in SQL or JPQL. Another
 * module asks the owner's API instead (the lot module's {@code LotStock} and {@code Genealogies}, the
 * order module's {@code Deliveries}, ...). Checked on the sources: every string literal of a module
 * (literals joined by {@code +} as one) is searched for {@code FROM/JOIN/UPDATE/INTO <table or entity>}
 * and, in a statement, for the comma joins of a FROM clause ({@code FROM shipment s, lot l},
 * {@code from Allocation a, Lot l}); and every Spring Data repository's domain type
 * ({@code Repository<Lot, Long>}, {@code @RepositoryDefinition(domainClass = Lot.class)}) must be the
 * module's own entity, since its derived queries ({@code findByStatus}) and CRUD methods read that
 * entity's table. The tests below prove each form is caught.
 *
 * <p>{@code reports} is a read-side module and still must ask the owners; {@code app_lock} (cluster-wide
 * locks) is {@code shared}'s and is taken through {@code ClusterLock}.
 */
@Standalone
class TableOwnershipTest {

    /** Table or entity name -> the module that owns it (Flyway migrations in src/main/resources/db/migration). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("lot", "lot"), Map.entry("lot_source", "lot"), Map.entry("Lot", "lot"),
            Map.entry("Genealogy", "lot"),
            Map.entry("product", "product"), Map.entry("product_spec", "product"),
            Map.entry("lot_sequence", "product"), Map.entry("Product", "product"), Map.entry("SpecLimit", "product"),
            Map.entry("lot_event", "history"), Map.entry("LotEvent", "history"),
            Map.entry("sales_order", "order"), Map.entry("allocation", "order"), Map.entry("allocation_passed_over", "order"), Map.entry("shipment", "order"),
            Map.entry("SalesOrder", "order"), Map.entry("Allocation", "order"), Map.entry("Shipment", "order"),
            Map.entry("lot_hold", "quarantine"), Map.entry("Hold", "quarantine"),
            Map.entry("lab_result", "release"), Map.entry("lot_release_run", "release"),
            Map.entry("LabResult", "release"), Map.entry("ReleaseRun", "release"),
            Map.entry("oos_investigation", "release"), Map.entry("OosInvestigation", "release"),
            Map.entry("recall", "recall"), Map.entry("recall_event", "recall"), Map.entry("recall_lot", "recall"),
            Map.entry("recall_notification", "recall"), Map.entry("recall_sequence", "recall"),
            Map.entry("recall_shipment", "recall"),
            Map.entry("login_throttle", "security"), Map.entry("security_event", "security"),
            Map.entry("identity_version", "security"),
            Map.entry("SecurityEvent", "security"),
            Map.entry("certificate", "certificate"), Map.entry("certificate_sequence", "certificate"),
            Map.entry("Certificate", "certificate"),
            Map.entry("serial_number", "serial"), Map.entry("serial_sequence", "serial"),
            Map.entry("app_lock", "shared"), Map.entry("task_display", "shared"),
            Map.entry("expiry_review_line", "expiry"));

    /**
     * Declared exceptions, each with its reason: a lot is of a product (the lot entity maps
     * {@code lot.product_id}), so the lot module's genealogy queries may join {@code product} for the SKU
     * and unit in the same statement (one query per trace direction; issue 11's speed).
     */
    static final Map<String, java.util.Set<String>> ALLOWED = Map.of("lot", java.util.Set.of("product"));

    static final Path SOURCES = Path.of("src/main/java/org/lotflow");

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    /** Literals joined by {@code +} are one statement: {@code "... FROM shipment s, " + "lot l WHERE ..."}. */
    private static final Pattern CONCATENATION = Pattern.compile("\\s*\\+\\s*");
    /** A table named after a keyword, optionally with its schema: {@code FROM lot}, {@code JOIN public.lot}. */
    private static final Pattern TABLE = Pattern.compile(
            "(?i:\\b(?:from|join|update|into)\\s+)(?:[A-Za-z_]+\\.)?([A-Za-z_]+)\\b");
    /** A statement that can list tables after FROM separated by commas (SQL or JPQL). */
    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(?:select|update|delete)\\b");
    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\s+");
    /** What ends a FROM clause. */
    private static final Pattern CLAUSE_END = Pattern.compile(
            "(?i)\\b(?:where|group|order|having|limit|offset|fetch|union|intersect|except|window|returning|for|set)\\b");
    private static final Pattern FIRST_NAME = Pattern.compile("^\\s*(?:(?i:lateral|only)\\s+)?(?:[A-Za-z_]+\\.)?([A-Za-z_]+)\\b");
    /** A Spring Data repository's domain type: {@code JpaRepository<Lot, Long>}, {@code Repository<LotEvent, Long>}. */
    private static final Pattern REPOSITORY_DOMAIN = Pattern.compile(
            "\\b\\w*(?:Repository|Executor)<\\s*(?:[a-z_][\\w]*\\.)*([A-Z]\\w*)\\s*[,>]");
    /** {@code @RepositoryDefinition(domainClass = Lot.class, ...)}. */
    private static final Pattern DOMAIN_CLASS = Pattern.compile(
            "\\bdomainClass\\s*=\\s*(?:[a-z_][\\w]*\\.)*([A-Z]\\w*)\\.class");

    @Test
    void everyModuleNamesOnlyItsOwnTablesInSqlAndJpql() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // LotflowApplication
                }
                String module = relative.getName(0).toString();
                if (module.equals("demo")) {
                    continue; // the demo scenario goes through the modules' APIs; it names no table
                }
                violations.addAll(violations(module, relative.toString(), Files.readString(file)));
            }
        }
        assertThat(violations).as("SQL, JPQL or a Spring Data repository reading another module's table").isEmpty();
    }

    @Test
    void aCommaJoinOnAnotherModulesTableIsCaught() {
        assertThat(violations("order", "Q.java", """
                String sql = "SELECT s.id FROM shipment s, lot l WHERE l.id = s.lot_id";""")).containsExactly(
                "Q.java: 'lot' belongs to module lot");
        assertThat(violations("order", "Q.java", """
                String jpql = "select a from Allocation a, Lot l where l.id = a.lotId";""")).containsExactly(
                "Q.java: 'Lot' belongs to module lot");
        assertThat(violations("trace", "Q.java", """
                String sql = \"""
                        SELECT s.id
                          FROM shipment s JOIN sales_order o ON o.id = s.order_id, public.lot AS l, lot_hold h
                         WHERE l.id = s.lot_id
                        \""";
                """)).containsExactly("Q.java: 'shipment' belongs to module order",
                "Q.java: 'sales_order' belongs to module order", "Q.java: 'lot' belongs to module lot",
                "Q.java: 'lot_hold' belongs to module quarantine");
        assertThat(violations("order", "Q.java", """
                String sql = "SELECT s.id FROM shipment s, " + "lot l WHERE l.id = s.lot_id";""")).as("split literals")
                .containsExactly("Q.java: 'lot' belongs to module lot");
    }

    @Test
    void aSpringDataRepositoryOfAnotherModulesEntityIsCaught() {
        assertThat(violations("order", "LotLookup.java", """
                interface LotLookup extends Repository<Lot, Long> {
                    List<Lot> findByStatusAndExpirationDateBefore(LotStatus status, LocalDate date);
                }""")).containsExactly("LotLookup.java: Spring Data repository of 'Lot' belongs to module lot");
        assertThat(violations("recall", "HoldLookup.java", """
                interface HoldLookup extends org.springframework.data.jpa.repository.JpaRepository<
                        org.lotflow.quarantine.internal.Hold, Long> {
                    long countByLotId(Long lotId);
                }""")).containsExactly("HoldLookup.java: Spring Data repository of 'Hold' belongs to module quarantine");
        assertThat(violations("reports", "Events.java", """
                @RepositoryDefinition(domainClass = LotEvent.class, idClass = Long.class)
                interface Events { List<LotEvent> findByLotId(Long lotId); }""")).containsExactly(
                "Events.java: Spring Data repository of 'LotEvent' belongs to module history");
    }

    @Test
    void aModulesOwnTablesAndItsDeclaredExceptionsPass() {
        assertThat(violations("order", "ShipmentRepository.java", """
                interface ShipmentRepository extends JpaRepository<Shipment, Long> {
                    @Query("select s from Shipment s, Allocation a where a.orderId = s.orderId")
                    List<Shipment> shipped();
                }""")).isEmpty();
        assertThat(violations("lot", "Q.java", """
                String sql = "SELECT l.id, p.sku FROM lot l, product p WHERE p.id = l.product_id";""")).isEmpty();
        assertThat(violations("order", "M.java", """
                String message = "Quantity taken from Warehouse A, Zone 3, lot L-1 (not a statement)";""")).isEmpty();
    }

    /** What a module's source names of other modules' tables and entities, one line each. */
    static List<String> violations(String module, String file, String source) {
        List<String> violations = new ArrayList<>();
        java.util.function.Consumer<String> check = name -> {
            String owner = OWNER.get(name);
            if (owner != null && !owner.equals(module)
                    && !ALLOWED.getOrDefault(module, java.util.Set.of()).contains(owner)) {
                violations.add(file + ": '" + name + "' belongs to module " + owner);
            }
        };
        for (String text : literals(source)) {
            List<String> names = new ArrayList<>();
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                names.add(table.group(1));
            }
            if (STATEMENT.matcher(text).find()) {
                names.addAll(commaJoined(text));
            }
            names.stream().distinct().forEach(check);
        }
        for (Pattern domain : List.of(REPOSITORY_DOMAIN, DOMAIN_CLASS)) {
            Matcher repository = domain.matcher(source);
            while (repository.find()) {
                String entity = repository.group(1);
                String owner = OWNER.get(entity);
                if (owner != null && !owner.equals(module)
                        && !ALLOWED.getOrDefault(module, java.util.Set.of()).contains(owner)) {
                    violations.add(file + ": Spring Data repository of '" + entity + "' belongs to module " + owner);
                }
            }
        }
        return violations;
    }

    /** The source's string literals, those joined by {@code +} as one. */
    private static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher literal = LITERAL.matcher(source);
        int previousEnd = -1;
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (previousEnd >= 0 && CONCATENATION.matcher(source.substring(previousEnd, literal.start())).matches()) {
                literals.set(literals.size() - 1, literals.get(literals.size() - 1) + text);
            } else {
                literals.add(text);
            }
            previousEnd = literal.end();
        }
        return literals;
    }

    /**
     * The tables of every FROM clause's comma-separated list ({@code FROM a x, b y}, JPQL's
     * {@code from A a, B b}): the first name of each item at the clause's top level. Items in
     * parentheses (subqueries) are skipped here; their own FROM is read on its own.
     */
    static List<String> commaJoined(String text) {
        List<String> names = new ArrayList<>();
        Matcher from = FROM.matcher(text);
        while (from.find()) {
            int depth = 0;
            int itemStart = from.end();
            boolean first = true;
            for (int i = from.end(); i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : ';';
                if (c == '(') {
                    depth++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')' || c == ';' || endsClause(text, i))) {
                    if (!first) { // the first item is the FROM's own table, already read
                        Matcher name = FIRST_NAME.matcher(text.substring(itemStart, i));
                        if (name.find()) {
                            names.add(name.group(1));
                        }
                    }
                    if (c != ',') {
                        break;
                    }
                    first = false;
                    itemStart = i + 1;
                }
            }
        }
        return names;
    }

    private static boolean endsClause(String text, int i) {
        return (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')
                && CLAUSE_END.matcher(text).region(i, text.length()).lookingAt();
    }
}
