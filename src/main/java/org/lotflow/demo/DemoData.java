package org.lotflow.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.order.NewOrder;
import org.lotflow.order.OrderPlacement;
import org.lotflow.order.Shipping;
import org.lotflow.product.ProductService;
import org.lotflow.release.LabResultsRecording;
import org.lotflow.release.LotRelease;
import org.lotflow.release.Measurement;
import org.lotflow.security.Groups;
import org.lotflow.security.SignatureCredentials;
import org.lotflow.security.IdentitySetup;
import org.lotflow.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo users and the seed's IL-250 product with lots IL250-2024-089, IL250-2024-092 and
 * IL250-2025-001. The lots go through the real lab release (Sarah records, Jennifer approves), so
 * their history reads like a real one, followed by the seed's earlier orders on lot 089 (SO-2024-1098
 * shipped, SO-2024-1120 allocated). Idempotent: nothing happens when the product exists.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "lotflow.demo-data", havingValue = "true")
public class DemoData implements ApplicationRunner {

    public static final String SKU = "IL-250-55GAL";
    public static final String PAIL_SKU = "IL-250-PAIL";
    /** The pails' GTIN (a GTIN-12 of GS1 US's example prefix 0614141; EPCIS names its lots by LGTIN). */
    public static final String PAIL_GTIN = "614141250059";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentitySetup identities;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final ProductService productService;
    private final LotService lotService;
    private final LabResultsRecording labResults;
    private final ClusterLock clusterLock;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final OrderPlacement orderPlacement;
    private final Shipping shipping;
    private final java.time.Clock clock;

    /** The day the seed's first IL-250 lot was made, and the product's shelf life: its expiry bounds the scenario. */
    static final LocalDate FIRST_MADE = LocalDate.parse("2024-11-15");
    static final int SHELF_LIFE_MONTHS = 24;

    public DemoData(IdentitySetup identities, IdentityService identityService, TaskService taskService,
            ProductService productService, LotService lotService,
            LabResultsRecording labResults, ClusterLock clusterLock, RuntimeService runtimeService,
            ManagementService managementService, OrderPlacement orderPlacement, Shipping shipping,
            java.time.Clock clock) {
        this.clock = clock;
        this.identities = identities;
        this.identityService = identityService;
        this.taskService = taskService;
        this.productService = productService;
        this.lotService = lotService;
        this.labResults = labResults;
        this.clusterLock = clusterLock;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.orderPlacement = orderPlacement;
        this.shipping = shipping;
    }

    @Override
    public void run(ApplicationArguments args) {
        clusterLock.withLock("demo-data", () -> {
            users();
            if (!productService.exists(SKU)) {
                LocalDate today = LocalDate.now(clock);
                LocalDate firstExpires = FIRST_MADE.plusMonths(SHELF_LIFE_MONTHS);
                if (scenarioStillCurrent(today)) {
                    scenario();
                } else {
                    // the seed's lots are of January 2025: by today they have expired, and an expired lot is not
                    // created (new user 2026-12-06 F18), so the scenario would stop the start half-made
                    log.warn("Demo data: the seed's IL-250 scenario is of 2025-01-28 and its first lot expired on {},"
                            + " before today ({}): only the demo users are seeded. Start with"
                            + " --lotflow.today=2025-01-28 on a new database to see it (README, command 1).",
                            firstExpires, today);
                }
            }
        });
    }

    /** Whether the seed's scenario can be seeded on {@code today}: none of its lots has expired by then. */
    static boolean scenarioStillCurrent(LocalDate today) {
        return today.isBefore(FIRST_MADE.plusMonths(SHELF_LIFE_MONTHS));
    }

    private void users() {
        identities.ensureUser("mike", "Mike", "Rodriguez", "mike@lotflow.example", "mike", List.of(Groups.PRODUCTION));
        identities.ensureUser("sarah", "Sarah", "Johnson", "sarah@lotflow.example", "sarah", List.of(Groups.QA_ANALYST));
        identities.ensureUser("jennifer", "Jennifer", "Lee", "jennifer@lotflow.example", "jennifer",
                List.of(Groups.QA_MANAGER));
        identities.ensureUser("tom", "Tom", "Becker", "tom@lotflow.example", "tom", List.of(Groups.SALES));
        identities.ensureUser("rachel", "Rachel", "Nguyen", "rachel@lotflow.example", "rachel",
                List.of(Groups.RECALL_COORDINATOR));
        identities.ensureUser("demo", "Demo", "Admin", "demo@lotflow.example", "demo", List.of(Groups.ADMIN));
        // the second person of the four-eyes steps a plant has: a QA manager besides jennifer (the release of a retest
        // after jennifer invalidated a result as a laboratory error; new user 2026-12-06 F-f), and an administrator
        // besides demo (a signer's identity confirmed after demo set their password)
        identities.ensureUser("anna", "Anna", "Kowalski", "anna@lotflow.example", "anna", List.of(Groups.QA_MANAGER));
        identities.ensureUser("oliver", "Oliver", "Admin", "oliver@lotflow.example", "oliver", List.of(Groups.ADMIN));
    }

    private void scenario() {
        as("mike", List.of(Groups.PRODUCTION), () -> productService.create(new ProductService.NewProduct(SKU,
                "Industrial Lubricant IL-250", "High-Performance Industrial Lubricant, 55-gallon drums", "drums",
                SHELF_LIFE_MONTHS,
                "IL250-{yyyy}-{seq:3}", IlSpec.SPEC)));
        release(createLot("IL250-2024-089", "2024-11-15", "PO-2024-1156"));
        release(createLot("IL250-2024-092", "2024-12-03", "PO-2024-1190"));
        release(createLot("IL250-2025-001", "2025-01-08", "PO-2025-0004"));
        orders();
        recallScenario();
        log.info("Demo data: product {} with lots IL250-2024-089, IL250-2024-092, IL250-2025-001; "
                + "raw material RM-2025-015 in pail lot IL250P-2025-002, shipped to two customers", SKU);
    }

    /**
     * The recall story's genealogy: base oil RM-2025-015 (received from Gulf Coast Base Oils, their lot
     * GCB-24-7781, bill of lading BOL-2025-0117) went into pail lot
     * IL250P-2025-002, which was shipped to Metro Manufacturing and Allied Machining and is
     * allocated to Precision Parts Co. When the supplier reports contamination, a downstream trace
     * of RM-2025-015 answers "who got it?" at once.
     */
    private void recallScenario() {
        as("mike", List.of(Groups.PRODUCTION), () -> {
            productService.create(new ProductService.NewProduct("RM-BASE-OIL", "Base oil ISO VG 220",
                    "Group II base oil, bulk", "gal", 24, "RM-{yyyy}-{seq:3}",
                    List.of(new ProductService.SpecInput("viscosity40C", "cSt", new BigDecimal("198"),
                            new BigDecimal("242")))));
            return productService.create(new ProductService.NewProduct(PAIL_SKU,
                    "Industrial Lubricant IL-250, pails", "IL-250 in 5-gallon pails", "pails", 24,
                    "IL250P-{yyyy}-{seq:3}", IlSpec.SPEC, null, PAIL_GTIN));
        });
        Lot baseOil = as("mike", List.of(Groups.PRODUCTION), () -> lotService.create(new LotService.NewLot(
                "RM-BASE-OIL", new BigDecimal("5000"), LocalDate.parse("2025-01-06"), LocalDate.parse("2025-01-09"),
                "Tank farm 2", "RM-2025-015", null, null, List.of(), LotSource.RECEIPT,
                new LotService.Receipt("Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029", "GCB-24-7781",
                        "BOL-2025-0117"))));
        release(baseOil, List.of(new Measurement("viscosity40C", new BigDecimal("221"))));
        runReleaseSteps("RM-2025-015");
        Lot pails = as("mike", List.of(Groups.PRODUCTION), () -> lotService.create(new LotService.NewLot(PAIL_SKU,
                new BigDecimal("400"), LocalDate.parse("2025-01-20"), LocalDate.parse("2025-01-20"),
                "Warehouse A, Zone 5", "IL250P-2025-002", null, "PO-2025-0089",
                List.of(new LotService.SourceLotInput("RM-2025-015", new BigDecimal("2000"))), null)));
        release(pails, IlSpec.PASSING);
        runReleaseSteps("IL250P-2025-002");
        as("tom", List.of(Groups.SALES), () -> {
            orderPlacement.place(new NewOrder("SO-2025-0112", "Metro Manufacturing", PAIL_SKU,
                    new BigDecimal("50"), null, null));
            shipping.ship("SO-2025-0112", null, "Regional Transport");
            orderPlacement.place(new NewOrder("SO-2025-0118", "Allied Machining", PAIL_SKU,
                    new BigDecimal("30"), null, null));
            shipping.ship("SO-2025-0118", null, "Demo Freight");
            orderPlacement.place(new NewOrder("SO-2025-0120", "Precision Parts Co.", PAIL_SKU,
                    new BigDecimal("40"), null, null));
            return null;
        });
    }

    private void runReleaseSteps(String lotNumber) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(LotRelease.PROCESS_KEY)
                .processInstanceBusinessKey(lotNumber).list().forEach(pi -> {
                    for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).executable()
                            .list()) {
                        managementService.executeJob(job.getId());
                    }
                });
    }

    private Lot createLot(String lotNumber, String manufactured, String productionOrder) {
        return as("mike", List.of(Groups.PRODUCTION), () -> lotService.create(new LotService.NewLot(SKU,
                new BigDecimal("500"), LocalDate.parse(manufactured), LocalDate.parse(manufactured),
                "Warehouse A, Zone 3", lotNumber, null, productionOrder, List.of(), null)));
    }

    /** Sarah records passing results, Jennifer approves; the job executor then releases the lot. */
    private void release(Lot lot) {
        release(lot, IlSpec.PASSING);
    }

    private void release(Lot lot, List<Measurement> results) {
        as("sarah", List.of(Groups.QA_ANALYST), () -> labResults.submit(lot.getLotNumber(), results));
        as("jennifer", List.of(Groups.QA_MANAGER), () -> {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(lot.getLotNumber())
                    .taskDefinitionKey(LotRelease.TASK_APPROVE_RELEASE).singleResult();
            taskService.claim(task.getId(), "jennifer");
            // the demo manager signs with her password, as HTTP Basic or Tasklist's masked field would carry it
            SignatureCredentials.with("jennifer", () -> taskService.complete(task.getId(), java.util.Map.of(
                    "approved", true, "comment", "Demo data: all specifications met, COA issued")));
            return null;
        });
    }

    /**
     * The seed's earlier business on lot 089: 65 drums shipped to Precision Parts Co., 150 drums
     * allocated to Acme Manufacturing, leaving 285 available. The lots' release steps (save points
     * the job executor would run moments later) are run here first, inside this transaction, so the
     * orders find released stock.
     */
    private void orders() {
        for (String lotNumber : List.of("IL250-2024-089", "IL250-2024-092", "IL250-2025-001")) {
            runReleaseSteps(lotNumber);
        }
        as("tom", List.of(Groups.SALES), () -> {
            orderPlacement.place(new NewOrder("SO-2024-1098", "Precision Parts Co.", SKU,
                    new BigDecimal("65"), null, null));
            shipping.ship("SO-2024-1098", null, "Demo Freight");
            orderPlacement.place(new NewOrder("SO-2024-1120", "Acme Manufacturing", SKU,
                    new BigDecimal("150"), null, null));
            return null;
        });
    }

    private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> action) {
        identityService.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
