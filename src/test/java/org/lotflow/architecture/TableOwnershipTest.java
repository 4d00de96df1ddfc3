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

/**
 * No module reads or writes another module's tables (issue 10): each table, and each JPA entity mapped
 * to one, belongs to exactly one module, and only that module's code names it in SQL or JPQL. Another
 * module asks the owner's API instead (the lot module's {@code LotStock} and {@code Genealogies}, the
 * order module's {@code Deliveries}, ...). Checked on the sources: every string literal of a module is
 * searched for {@code FROM/JOIN/UPDATE/INTO <table or entity>}.
 *
 * <p>{@code reports} is a read-side module and still must ask the owners; {@code app_lock} (cluster-wide
 * locks) is {@code shared}'s and is taken through {@code ClusterLock}.
 */
class TableOwnershipTest {

    /** Table or entity name -> the module that owns it (Flyway migrations in src/main/resources/db/migration). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("lot", "lot"), Map.entry("lot_source", "lot"), Map.entry("Lot", "lot"),
            Map.entry("Genealogy", "lot"),
            Map.entry("product", "product"), Map.entry("product_spec", "product"),
            Map.entry("lot_sequence", "product"), Map.entry("Product", "product"), Map.entry("SpecLimit", "product"),
            Map.entry("lot_event", "history"), Map.entry("LotEvent", "history"),
            Map.entry("sales_order", "order"), Map.entry("allocation", "order"), Map.entry("shipment", "order"),
            Map.entry("SalesOrder", "order"), Map.entry("Allocation", "order"), Map.entry("Shipment", "order"),
            Map.entry("lot_hold", "quarantine"), Map.entry("Hold", "quarantine"),
            Map.entry("lab_result", "release"), Map.entry("lot_release_run", "release"),
            Map.entry("LabResult", "release"), Map.entry("ReleaseRun", "release"),
            Map.entry("recall", "recall"), Map.entry("recall_event", "recall"), Map.entry("recall_lot", "recall"),
            Map.entry("recall_notification", "recall"), Map.entry("recall_sequence", "recall"),
            Map.entry("recall_shipment", "recall"),
            Map.entry("login_throttle", "security"), Map.entry("security_event", "security"),
            Map.entry("SecurityEvent", "security"),
            Map.entry("app_lock", "shared"));

    /**
     * Declared exceptions, each with its reason: a lot is of a product (the lot entity maps
     * {@code lot.product_id}), so the lot module's genealogy queries may join {@code product} for the SKU
     * and unit in the same statement (one query per trace direction; issue 11's speed).
     */
    static final Map<String, java.util.Set<String>> ALLOWED = Map.of("lot", java.util.Set.of("product"));

    static final Path SOURCES = Path.of("src/main/java/org/lotflow");

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("(?i:\\b(?:from|join|update|into)\\s+)([A-Za-z_]+)\\b");

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
                String source = Files.readString(file);
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher table = TABLE.matcher(text);
                    while (table.find()) {
                        String owner = OWNER.get(table.group(1));
                        if (owner != null && !owner.equals(module)
                                && !ALLOWED.getOrDefault(module, java.util.Set.of()).contains(owner)) {
                            violations.add(relative + ": '" + table.group(0).trim() + "' belongs to module " + owner);
                        }
                    }
                }
            }
        }
        assertThat(violations).as("SQL or JPQL naming another module's table").isEmpty();
    }
}
