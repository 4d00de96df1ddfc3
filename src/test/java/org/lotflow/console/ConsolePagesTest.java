package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The Console's pages as a person's browser gets them (real HTTP, no JavaScript): the login, the rights (a
 * page offers only what its viewer may do; whatever it does not offer is refused with the API's status and
 * sentence), the CSRF refusal, and every error path of the hold and recall forms, each shown on the form next
 * to its field, changing nothing.
 */
@ApiTest
class ConsolePagesTest {

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.lotflow.console.internal.web.ConsoleFormat consoleFormat;

    private String status(String lot) {
        return api.get("mike", "/api/lots/" + lot).json().get("status").asText();
    }

    private String releasedLot(String prefix) {
        return api.releasedLot(api.createProduct(prefix), new BigDecimal("500"), "2025-01-10");
    }

    /** A released lot shipped in part to a customer: {lotNumber, sku, orderNumber}. */
    private String[] shippedLot(String prefix, String customer) {
        String sku = api.createProduct(prefix);
        String lot = api.releasedLot(sku, new BigDecimal("500"), "2025-01-10");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        TestClient.Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", customer,
                "sku", sku, "quantity", 40));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        TestClient.Response shipped = api.post("tom", "/api/orders/" + order + "/shipments", Map.of());
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        return new String[] {lot, sku, order};
    }

    @Test
    void withoutALoginABrowserIsSentToTheLoginPageAndAScriptGets401() {
        ConsoleSession anonymous = new ConsoleSession(port);
        ConsoleSession.Page page = anonymous.get("/console/lots?status=RELEASED");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).endsWith("/console/login?next=%2Fconsole%2Flots");
        assertThat(anonymous.get("/").location()).endsWith("/console/");
        TestClient.Response script = api.call(null, null, HttpMethod.GET, "/console/lots", null, "application/json");
        assertThat(script.status()).isEqualTo(401);
        ConsoleSession.Page login = anonymous.get("/console/login");
        assertThat(login.status()).isEqualTo(200);
        // the tests run on the seed's day: every page says so, and that deadlines run on it too (new user V12, D2)
        assertThat(login.html()).contains("id=\"demo-day\"").contains("2025-01-28")
                .contains("deadlines, due dates and Camunda's timers run on")
                .contains("Tasklist counts \"due in\" and \"ago\" from your computer's clock"); // new user 17 F3
        assertThat(login.html()).contains("name=\"_csrf\"").contains("type=\"password\"");
        // the first link of every page skips to its content (new user 28 L5); the banner is one line until opened (M3)
        assertThat(login.html()).contains("<a href=\"#content\" class=\"skip\" id=\"skip-link\">Skip to content</a>")
                .contains("id=\"content\"").contains("<details id=\"demo-day\"><summary>Demo day: records are dated");
        assertThat(login.html().indexOf("<a ")).as("the first link").isEqualTo(login.html().indexOf("<a href=\"#content\""));
        assertThat(login.html().indexOf("<a href=\"#content\"")).as("before any field")
                .isLessThan(login.html().indexOf("<input"));
        // a mistyped product in the lot list's filter is said so (new user 2026-12-07 F17)
        assertThat(ConsoleSession.login(port, "tom").get("/console/lots?sku=nope").html())
                .contains("There is no product &#39;nope&#39;");
        // a visitor is offered no page that leads back to the login (new user 2026-12-07 F17)
        assertThat(login.html()).doesNotContain("id=\"nav-lots\"").doesNotContain("id=\"nav-reports\"");
    }

    @Test
    void everyDateFieldSaysTheFormItTakes() {
        // the browser shows its locale's form (mm/dd/yyyy), the Console prints ISO (new user 28 L4)
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        for (String html : List.of(mike.get("/console/lots/new").html(), mike.get("/console/receipts/new").html(),
                tom.get("/console/orders/new").html(), jennifer.get("/console/reports").html())) {
            int fields = html.split("type=\"date\"", -1).length - 1;
            assertThat(fields).isPositive();
            assertThat(html.split("<small class=\"date-hint\">yyyy-mm-dd, e.g. 2025-01-28</small>", -1).length - 1)
                    .as("a hint beside each date field").isEqualTo(fields);
        }
    }

    @Test
    void theOrdersListSaysWhichRecallCancelledAnOrdersAllocation() {
        // an order allocated from a lot, the lot recalled before it shipped: the list says why it lacks its stock,
        // from the allocation and the recall's scope (new user 28 L6: "Not allocated" and nothing more)
        String sku = api.createProduct("CLOST");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Lost Allocation Inc",
                "sku", sku, "quantity", 40)).status()).isEqualTo(201);
        TestClient.Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot),
                "reason", "Allocation lost", "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        String recallNumber = recall.json().get("recallNumber").asText();
        String list = ConsoleSession.login(port, "tom").get("/console/orders?sku=" + sku).html().replaceAll("\\s+", " ");
        assertThat(list).contains("data-lost-lot=\"" + lot + "\"").contains("data-lost-recall=\"" + recallNumber + "\"")
                .contains("allocation of <span>40 drums</span> of <a href=\"/console/lots/" + lot + "\">" + lot
                        + "</a> cancelled by recall <a href=\"/console/recalls/" + recallNumber + "\">" + recallNumber
                        + "</a>");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginPageAndTheRightOneLeadsToTheLots() {
        ConsoleSession s = new ConsoleSession(port);
        s.get("/console/login");
        ConsoleSession.Page wrong = s.post("/console/login", Map.of("username", "tom", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.html()).contains("The user name or the password is wrong");
        ConsoleSession.Page right = s.post("/console/login", Map.of("username", "tom", "password", "tom",
                "next", "https://evil.example/"));
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.location()).as("no redirect elsewhere").endsWith("/console/lots");
        ConsoleSession.Page lots = s.get("/console/lots?sku=IL-250-55GAL");
        assertThat(lots.status()).isEqualTo(200);
        assertThat(lots.html()).contains("Lot inventory").contains("Tom").contains("IL250-2024-089");
        // the legend and the column say what the figure is: it counts what customers destroyed on site too, so not
        // "what is still at the customers" (new user round 25 N4)
        assertThat(lots.html().replaceAll("\\s+", " ")).contains("Shipped</b> is what left with shipments less what a"
                + " recall brought back to the plant: what the customers still hold, used, or destroyed on site under a"
                + " recall").contains("title=\"Shipped, less what a recall brought back to the plant: still at the"
                        + " customers, used, or destroyed on site under a recall")
                .doesNotContain("is what is still at the customers").doesNotContain("Shipped and still at the customers");
        // every part of a lot's total is a column: available, allocated, shipped, consumed, disposed (new user
        // 2026-12-06 W10: RM-2025-015's 2,000 consumed were nowhere on screen)
        assertThat(s.get("/console/lots?sku=RM-BASE-OIL").html()).contains(">Consumed</th>").contains(">Disposed</th>")
                .containsPattern("RM-2025-015[\\s\\S]*?<td class=\"num\">2,?000</td>");
        // the same session opens Tasklist's API: one login
        assertThat(s.get("/camunda/api/admin/auth/user/default", "application/json").html()).contains("\"userId\":\"tom\"")
                .contains("tasklist");
    }

    /** New user's U7: a lot is found by its number, whatever the case typed; a number that is no lot says so. */
    @Test
    void aLotIsFoundByItsNumber() {
        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        ConsoleSession.Page found = rachel.get("/console/lots?lotNumber=%20il250-2024-092%20");
        assertThat(found.status()).isEqualTo(302);
        assertThat(found.location()).endsWith("/console/lots/IL250-2024-092");
        ConsoleSession.Page typo = rachel.get("/console/lots?lotNumber=IL250-2024-O92");
        assertThat(typo.status()).isEqualTo(404);
        assertThat(typo.html()).contains("id=\"lot-not-found\"").contains("There is no lot or serial &#39;IL250-2024-O92&#39;")
                .contains("id=\"lot-table\"");
        assertThat(rachel.get("/console/lots/il250-2024-092").html()).contains("IL250-2024-092");
    }

    /**
     * Auditor 2026-12-05 C1: someone removed from QA placed holds through /api from a browser session opened before
     * (its groups are remembered for a while). The removal now ends the session itself (B13, C5): the change is
     * asked for a login, 401, and nothing is recorded.
     */
    @Test
    void aSessionsChangesUseTheGroupsOfNowNotOfItsLogin() {
        String id = "qsess" + java.util.UUID.randomUUID().toString().substring(0, 6);
        org.camunda.bpm.engine.identity.User u = identityService.newUser(id);
        u.setFirstName("Session");
        u.setLastName("Analyst " + org.lotflow.support.TestUsers.letters(id.substring(5)));
        u.setPassword(id);
        identityService.saveUser(u);
        identityService.createMembership(id, "qa-analyst");
        ConsoleSession session = ConsoleSession.login(port, id);
        String lot = api.releasedLot(api.createProduct("CSES"), new java.math.BigDecimal("5"), "2024-12-01");
        identityService.deleteMembership(id, "qa-analyst");
        ConsoleSession.Page hold = session.api("POST", "/api/lots/" + lot + "/holds",
                "{\"reason\":\"after removal\",\"source\":\"OTHER\"}", true);
        assertThat(hold.status()).as(hold.html()).isEqualTo(401);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
    }

    /** New user's U6: a held lot's page offers no second hold and no certificate the service would refuse. */
    @Test
    void aHeldLotsPageOffersOnlyWhatItsStatusAllows() {
        String lot = api.releasedLot(api.createProduct("CHLD"), new java.math.BigDecimal("40"), "2024-12-01");
        ConsoleSession sarah = ConsoleSession.login(port, "sarah");
        assertThat(sarah.get("/console/lots/" + lot).html()).contains("<option value=\"COMPLAINT\">Customer complaint</option>")
                .contains("<option value=\"TEST_FAILURE\">Test failure</option>");
        assertThat(sarah.get("/console/lots/" + lot).html()).contains("id=\"hold-form\"").contains("id=\"coa-form\"")
                .as("no trigger chosen for the analyst: the form asks (new user 2026-12-06 M9, 2026-12-07 F4)")
                .contains("<select id=\"hold-source\" name=\"source\">")
                .contains("<option value=\"\" selected=\"selected\">Choose what triggered the hold</option>")
                .doesNotContain("<option value=\"COMPLAINT\" selected=\"selected\">")
                .doesNotContain("<option value=\"OTHER\" selected=\"selected\">");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/holds", java.util.Map.of("reason", "Customer complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        assertThat(sarah.get("/console/lots?status=QUARANTINE&size=200").html()).contains("not for sale"); // U12
        String held = sarah.get("/console/lots/" + lot).html();
        assertThat(held).doesNotContain("id=\"hold-form\"").doesNotContain("id=\"coa-form\"")
                .contains("id=\"coa-withdrawn\"").contains("Not handed out: the lot was put on hold on 2025-01-28")
                .contains("(lot status QUARANTINE now)")
                // its certificate is not listed as CURRENT above that sentence (new user 2026-12-06 N4)
                .contains("(withdrawn, issued").doesNotContain("(CURRENT, issued").doesNotContain("(current, issued")
                // its stock is not for sale, on its page as in the list (new user 2026-12-06 W5)
                .contains("id=\"q-not-for-sale\"").contains("not for sale while the lot is QUARANTINE");
        assertThat(sarah.get("/console/lots/" + api.releasedLot(api.createProduct("CFREE"), new java.math.BigDecimal(
                "5"), "2024-12-01")).html()).doesNotContain("id=\"q-not-for-sale\"");
    }

    /** New user's U5: sales finds its orders on a list, those with a shortfall too. */
    @Test
    void theOrdersAreListedAndFilteredOnTheirPage() {
        String sku = api.createProduct("CORD");
        api.releasedLot(sku, new java.math.BigDecimal("10"), "2024-12-01");
        String order = "SO-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", java.util.Map.of("orderNumber", order, "customer", "Acme Manufacturing",
                "sku", sku, "quantity", 25)).status()).isEqualTo(201);
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        ConsoleSession.Page all = tom.get("/console/orders");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.html()).contains("id=\"nav-orders\"").contains("id=\"order-table\"")
                .contains("data-order=\"" + order + "\"").contains(" by Tom Becker (tom)"); // new user 2026-12-07 L6
        assertThat(tom.get("/console/orders?show=shortfall&sku=" + sku).html()).contains("data-order=\"" + order + "\"");
        // the order's page says why it is short (new user 2026-12-06 N15): the 10 released are its own now
        String orderPage = tom.get("/console/orders/" + order).html();
        assertThat(orderPage).contains("id=\"shortfall-why\"")
                .contains("No released lot of " + sku + " expiring on or after").contains("has stock to allocate now");
        // the shortfall a box like the others, its explanation the summary's last row across the whole width (new user
        // 27 N5: a full-width shortfall box left the boxes around it in ragged rows)
        assertThat(orderPage).contains("id=\"order-shortfall\"><span>Shortfall</span>")
                .containsPattern("id=\"shortfall-note\" style=\"grid-column: 1 / -1\"><span>Why the shortfall</span>\\s*"
                        + "<small id=\"shortfall-why\"");
        assertThat(orderPage.indexOf("id=\"shortfall-note\"")).as("after the last box, Created")
                .isGreaterThan(orderPage.indexOf("<span>Created</span>"));
        // with stock released again, an order whose minimum shelf life no lot meets is told so, not that stock is free
        // (re-test 2026-12-06 R4)
        api.releasedLot(sku, new java.math.BigDecimal("10"), "2024-12-01");
        // sales allocates the first order's shortfall on its page, under its own number (new user 2026-12-06 D5)
        assertThat(tom.get("/console/orders/" + order).html()).contains("id=\"allocate-panel\"")
                .contains("free to allocate now: 10 drums in 1 lot(s)");
        assertThat(ConsoleSession.login(port, "mike").get("/console/orders/" + order).html())
                .doesNotContain("id=\"allocate-panel\"");
        // the number typed in another case opens the order and acts on it (auditor round 22 L2)
        assertThat(tom.get("/console/orders/" + order.toLowerCase(java.util.Locale.ROOT)).html())
                .contains("id=\"allocate-panel\"").contains(order);
        ConsoleSession.Page allocated = tom.post("/console/orders/" + order.toLowerCase(java.util.Locale.ROOT)
                + "/allocations", java.util.Map.of());
        assertThat(allocated.status()).as(allocated.html()).isEqualTo(302);
        assertThat(allocated.location()).contains("/console/orders/" + order + "?allocated");
        assertThat(api.get("tom", "/api/orders/" + order).json().get("shortfall").decimalValue())
                .isEqualByComparingTo("5");
        api.releasedLot(sku, new java.math.BigDecimal("10"), "2024-12-01");
        String picky = "SO-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", java.util.Map.of("orderNumber", picky, "customer", "Acme Manufacturing",
                "sku", sku, "quantity", 5, "minShelfLifeMonths", 36)).status()).isEqualTo(201);
        assertThat(tom.get("/console/orders/" + picky).html()).contains("No released lot of " + sku
                + " expiring on or after");
        ConsoleSession.Page unknown = tom.get("/console/orders?sku=NO-SUCH-SKU");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html()).contains("data-field=\"sku\"").contains("Product (SKU): no product with SKU");
        assertThat(tom.get("/console/orders?show=shortfall").status()).isEqualTo(200);
    }

    /** New user's U13: the Cockpit link led sales to Spring's whitelabel 403 page. */
    @Test
    void cockpitIsLinkedForThoseWhoMayOpenItAndAnyoneElseGetsAReadablePage() {
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/lots").html()).doesNotContain("id=\"nav-cockpit\"");
        ConsoleSession.Page cockpit = tom.get("/camunda/app/cockpit/default/");
        assertThat(cockpit.status()).isEqualTo(403);
        assertThat(cockpit.html()).contains("Your groups give you no access to Camunda&#39;s cockpit")
                .doesNotContain("Whitelabel");
        assertThat(ConsoleSession.login(port, "jennifer").get("/console/lots").html()).contains("id=\"nav-cockpit\"");
    }

    @Test
    void httpBasicOpensTheConsoleToo() {
        TestClient.Response page = api.call("jennifer", "jennifer", HttpMethod.GET, "/console/lots/IL250-2024-092",
                null, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("IL250-2024-092").contains("id=\"hold-form\"");
    }

    /**
     * New user 2026-12-06 U1: "supplier lot X is contaminated": the recall form of one received lot offers the other lots
     * of the same supplier lot, shows their scope when ticked and recalls them all in one recall.
     */
    @Test
    void theRecallFormOffersTheOtherLotsOfTheSameSupplierLot() {
        String sku = api.createProduct("CSUP");
        String supplierLot = "GCB-" + sku.substring(5);
        TestClient.Response receipt = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier",
                "Gulf Coast Base Oils", "supplierLotNumber", supplierLot, "receiptDate", "2025-01-20",
                "location", "Tank farm 2", "lines", java.util.List.of(Map.of("quantity", 40, "expirationDate",
                        "2026-06-30"), Map.of("quantity", 30, "expirationDate", "2026-07-31"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String first = receipt.json().get("lots").get(0).get("lotNumber").asText();
        String second = receipt.json().get("lots").get(1).get("lotNumber").asText();
        api.release(first);
        api.release(second);
        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        String page = rachel.get("/console/lots/" + first).html();
        String offer = page.substring(page.indexOf("id=\"recall-siblings\""));
        assertThat(offer.substring(0, offer.indexOf("</div>"))).contains(supplierLot).contains("name=\"also\"")
                .contains("value=\"" + second + "\"").contains("RELEASED, 30 ");

        String scope = rachel.get("/console/lots/" + first + "/recall-preview?reason=Supplier+lot+contaminated"
                + "&classification=CLASS_II&also=" + second + "&also=NOT-A-SIBLING").html();
        String lots = scope.substring(scope.indexOf("id=\"scope-lots\""));
        assertThat(lots.substring(0, lots.indexOf("</table>"))).contains(">" + first + "<").contains(">" + second + "<")
                .doesNotContain("NOT-A-SIBLING");
        assertThat(scope).contains("name=\"also\" value=\"" + second + "\"");

        ConsoleSession.Page started = rachel.post("/console/lots/" + first + "/recalls", Map.of("reason",
                "Supplier lot contaminated", "classification", "CLASS_II", "also", second));
        assertThat(started.status()).as(started.html()).isEqualTo(302);
        assertThat(status(first)).isEqualTo("RECALLED");
        assertThat(status(second)).as("one recall for the supplier lot").isEqualTo("RECALLED");
    }

    /** New user 2026-12-06 N9: stock returned to its supplier read as "nothing shipped" on the lot's page. */
    @Test
    void stockReturnedToItsSupplierIsShownWhereShipmentsAre() {
        String sku = api.createProduct("CRTS");
        TestClient.Response receipt = api.post("mike", "/api/receipts", java.util.Map.of("sku", sku, "supplier",
                "Gulf Coast Base Oils", "supplierLotNumber", "GC-" + sku.substring(5), "receiptDate", "2025-01-20",
                "location", "Tank farm 2", "lines", java.util.List.of(java.util.Map.of("quantity", 40,
                        "expirationDate", "2026-06-30"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String lot = receipt.json().get("lots").get(0).get("lotNumber").asText();
        api.rejectAndDispose(lot, "RETURNED_TO_SUPPLIER", "RMA-" + sku.substring(5));
        String page = ConsoleSession.login(port, "tom").get("/console/lots/" + lot).html();
        assertThat(page).contains("id=\"returns\"").contains("Returned to its supplier").contains("RMA-" + sku.substring(5))
                .contains("Gulf Coast Base Oils").doesNotContain("No open allocation, nothing shipped.");
        // a rejected lot's "What you may do" says that nothing is left to decide (new user 17 F12)
        assertThat(page).contains("id=\"nothing-to-do\"").contains("No decision is open on this lot: it is REJECTED");
        // a recall's scope keeps it REJECTED, and says it had no customers and went back to its supplier (new user
        // 2026-12-07 F13: "its customers are notified" alone); its audit trail says how, as the disposal form does (F10)
        String scope = ConsoleSession.login(port, "rachel").get("/console/lots/" + lot
                + "/recall-preview?reason=x&classification=CLASS_II").html();
        scope = scope.substring(scope.indexOf("id=\"scope-lots\""));
        assertThat(scope.substring(0, scope.indexOf("</table>"))).contains("Unchanged: REJECTED")
                .contains("no customers (nothing shipped); left the plant before the recall: returned to the supplier"
                        + " 40 ").contains("(RMA-" + sku.substring(5) + ")");
        String trail = page.substring(page.indexOf("id=\"history\""));
        assertThat(trail).contains("<dt>method</dt><dd>Returned to the supplier</dd>")
                .doesNotContain("RETURNED_TO_SUPPLIER</dd>");
    }

    /** New user 2026-12-06 N8: the analyst of an out-of-specification result was sent to its phase I. */
    @Test
    void aStepFourEyesKeepFromTheViewerIsNotOffered() {
        String lot = api.createLot(api.createProduct("C4EY"), new java.math.BigDecimal("10"), "2025-01-20");
        TestClient.Response oos = api.post("sarah", "/api/lots/" + lot + "/lab-results", java.util.Map.of("results",
                java.util.List.of(java.util.Map.of("test", "viscosity", "value", 300), java.util.Map.of("test",
                        "flashPoint", "value", 230))));
        assertThat(oos.status()).as(oos.toString()).isEqualTo(200);
        String mine = ConsoleSession.login(port, "sarah").get("/console/lots/" + lot).html();
        assertThat(mine).contains("OOS phase I").contains("(for a colleague: you recorded the lab results it judges,"
                + " four eyes)").doesNotContain("class=\"task-link\"");
        String theirs = ConsoleSession.login(port, "jennifer").get("/console/lots/" + lot).html();
        assertThat(theirs).contains("class=\"task-link\"").doesNotContain("(for a colleague:");
    }

    /** New user 2026-12-06 N11: every page's browser console showed a 404 for /favicon.ico. */
    @Test
    void theBrowsersIconIsServed() throws Exception {
        java.net.http.HttpResponse<byte[]> icon = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/favicon.ico"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(new byte[] {0, 0, 1, 0}); // an ICO file's header
    }

    @Test
    void anUnknownPageOrMethodGetsTheConsolesOwnPageNotAWhitelabelOne() {
        TestClient.Response unknown = api.call("jennifer", "jennifer", HttpMethod.GET, "/console/lotz", null,
                "text/html");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.text()).contains("There is no Console page /console/lotz").contains("Back to the lots")
                .doesNotContain("Whitelabel");
        // in words first, the HTTP status last (new user 2026-12-06 L12)
        assertThat(unknown.text()).contains("<h1>Not found</h1>").containsPattern(
                "There is no Console page /console/lotz[^<]*</span>\\s*<small class=\"muted\">\\(HTTP 404, ");
        // a form's address asked for as a page is the form's page (FormAddresses), not "Method not allowed"
        TestClient.Response formAddress = api.call("jennifer", "jennifer", HttpMethod.GET,
                "/console/lots/IL250-2024-092/holds", null, "text/html");
        assertThat(formAddress.status()).isIn(200, 303);
        assertThat(formAddress.text()).doesNotContain("does not take a GET request").doesNotContain("Whitelabel");
        TestClient.Response logout = api.call("jennifer", "jennifer", HttpMethod.GET, "/console/logout", null,
                "text/html");
        assertThat(logout.status()).isIn(200, 303);
        assertThat(logout.text()).doesNotContain("does not take a GET request").doesNotContain("Whitelabel");
    }

    @Test
    void theLotListIsInFefoOrderWithItsMarksAndRefusesABadFilterNamingIt() {
        String sku = api.createProduct("CLIST");
        String later = api.releasedLot(sku, new BigDecimal("100"), "2025-01-05");
        String earlier = api.createLot(sku, new BigDecimal("100"), "2023-03-01"); // expires 2025-03-01: soon
        ConsoleSession s = ConsoleSession.login(port, "sarah");
        ConsoleSession.Page page = s.get("/console/lots?sku=" + sku);
        assertThat(page.status()).isEqualTo(200);
        String html = page.html();
        assertThat(html.indexOf("data-lot=\"" + earlier + "\"")).as("FEFO: earliest expiry first").isPositive()
                .isLessThan(html.indexOf("data-lot=\"" + later + "\""));
        String earlierRow = html.substring(html.indexOf("data-lot=\"" + earlier + "\""));
        assertThat(earlierRow.substring(0, earlierRow.indexOf("</tr>"))).contains("Expiring soon: 32 days")
                .contains("PENDING");
        String laterRow = html.substring(html.indexOf("data-lot=\"" + later + "\""));
        assertThat(laterRow.substring(0, laterRow.indexOf("</tr>"))).contains("Next to allocate").contains("RELEASED");

        ConsoleSession.Page paged = s.get("/console/lots?sku=" + sku + "&size=1");
        assertThat(paged.html()).contains("data-lot=\"" + earlier + "\"").doesNotContain("data-lot=\"" + later + "\"")
                .contains("id=\"next-page\"");

        ConsoleSession.Page bad = s.get("/console/lots?status=SHIPPED");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html()).contains("data-field=\"status\"").contains("status: &#39;SHIPPED&#39; is not one of");
        ConsoleSession.Page badCursor = s.get("/console/lots?cursor=garbage");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.html()).contains("data-field=\"cursor\"");
        ConsoleSession.Page badSize = s.get("/console/lots?size=many");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.html()).contains("data-field=\"size\"");
        // other scripts' digits are not read as numbers (re-test 2026-12-07 F3: Arabic-Indic 18 was read as 18)
        for (String query : new String[] {"expiringWithinDays=%D9%A1%D9%A8", "size=%EF%BC%93"}) {
            ConsoleSession.Page arabic = s.get("/console/lots?" + query);
            assertThat(arabic.status()).as(query).isEqualTo(400);
            assertThat(arabic.html()).as(query).contains("is not a whole number");
        }
        assertThat(s.get("/console/recalls?size=%EF%BC%93").status()).isEqualTo(400);
    }

    @Test
    void aSalesUserSeesNoHoldButtonAndIsRefused403PostingOne() {
        String lot = releasedLot("CSALES");
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        ConsoleSession.Page page = tom.get("/console/lots/" + lot);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(lot).doesNotContain("id=\"hold-form\"").doesNotContain("id=\"recall-panel\"");
        ConsoleSession.Page refused = tom.post("/console/lots/" + lot + "/holds", Map.of("reason", "I think it is bad",
                "source", "COMPLAINT"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("may place a lot on hold; tom is not one");
        assertThat(status(lot)).isEqualTo("RELEASED");
        // a sales user may not preview a recall either
        assertThat(tom.get("/console/lots/" + lot + "/recall-preview?reason=x&classification=CLASS_II").status())
                .isEqualTo(403);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        String lot = releasedLot("CCSRF");
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        jennifer.get("/console/lots/" + lot);
        ConsoleSession.Page none = jennifer.postRaw("/console/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", "COMPLAINT"));
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.html()).contains("security token (CSRF)");
        ConsoleSession.Page forged = jennifer.postRaw("/console/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", "COMPLAINT", "_csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(status(lot)).isEqualTo("RELEASED");
        // the token of another session does not pass either
        ConsoleSession other = ConsoleSession.login(port, "sarah");
        other.get("/console/lots/" + lot);
        ConsoleSession.Page foreign = jennifer.postRaw("/console/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", "COMPLAINT", "_csrf", other.csrf()));
        assertThat(foreign.status()).isEqualTo(403);
        // and the login form carries one too
        ConsoleSession fresh = new ConsoleSession(port);
        assertThat(fresh.postRaw("/console/login", Map.of("username", "tom", "password", "tom")).status())
                .isEqualTo(403);
        assertThat(status(lot)).isEqualTo("RELEASED");
    }

    @Test
    void everyErrorOfTheHoldFormIsShownAtItsFieldAndChangesNothing() {
        String lot = releasedLot("CHOLD");
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        jennifer.get("/console/lots/" + lot);

        ConsoleSession.Page noReason = jennifer.post("/console/lots/" + lot + "/holds", Map.of("reason", " ",
                "source", "COMPLAINT", "reference", "CC-1"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.html()).contains("id=\"hold-problem\"").contains("data-field=\"reason\"")
                .contains("Reason: ").contains("value=\"CC-1\""); // by its label, as every form (new user L3)
        ConsoleSession.Page noSource = jennifer.post("/console/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", ""));
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.html()).contains("data-field=\"source\"").contains("choose what triggered the hold")
                .contains("What triggered it: choose").doesNotContain("Source: "); // the form's label (round 25 N7)
        ConsoleSession.Page badSource = jennifer.post("/console/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", "GOSSIP"));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.html()).contains("data-field=\"source\"").contains("&#39;GOSSIP&#39; is not one of");
        ConsoleSession.Page longReference = jennifer.post("/console/lots/" + lot + "/holds", Map.of("reason",
                "Complaint", "source", "COMPLAINT", "reference", "x".repeat(5000)));
        assertThat(longReference.status()).isEqualTo(400);
        assertThat(longReference.html()).contains("data-field=\"reference\"");
        assertThat(status(lot)).isEqualTo("RELEASED");

        ConsoleSession.Page unknown = jennifer.post("/console/lots/NO-SUCH-LOT/holds", Map.of("reason", "Complaint",
                "source", "COMPLAINT"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html()).contains("NO-SUCH-LOT");

        ConsoleSession.Page held = jennifer.post("/console/lots/" + lot + "/holds", Map.of("reason",
                "Customer complaint: viscosity", "source", "COMPLAINT", "reference", "CC-2025-001"));
        assertThat(held.status()).isEqualTo(302);
        assertThat(held.location()).endsWith("/console/lots/" + lot + "?held");
        assertThat(status(lot)).isEqualTo("QUARANTINE");
        ConsoleSession.Page page = jennifer.get("/console/lots/" + lot + "?held");
        assertThat(page.html()).contains("id=\"held-notice\"").contains("Customer complaint: viscosity")
                .contains("Jennifer Lee").contains("data-type=\"HOLD_PLACED\"");

        ConsoleSession.Page again = jennifer.post("/console/lots/" + lot + "/holds", Map.of("reason", "Again",
                "source", "COMPLAINT"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html()).contains("id=\"hold-problem\"").contains("409");
    }

    @Test
    void theLotPageShowsTheApiViewTheSignedHistoryLabResultsShipmentsAndTheGenealogy() {
        String[] shipped = shippedLot("CPAGE", "Acme Industrial");
        String lot = shipped[0];
        // a lot made from it: the genealogy goes downstream
        String sku2 = api.createProduct("CBLEND");
        TestClient.Response made = api.post("mike", "/api/lots", Map.of("sku", sku2, "quantity", 100,
                "manufactureDate", "2025-01-20", "location", "Blending", "sourceLots",
                List.of(Map.of("lotNumber", lot, "quantity", 60))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String child = made.json().get("lotNumber").asText();

        ConsoleSession sarah = ConsoleSession.login(port, "sarah");
        String html = sarah.get("/console/lots/" + lot).html();
        assertThat(html).contains("Acme Industrial").contains(shipped[2]).contains("40 drums")
                .contains("PASS").contains("viscosity").contains("245").contains("255")
                .contains("data-type=\"RELEASE_APPROVED\"").contains("meaning: ").contains("Jennifer Lee")
                .contains("COA-").contains("/console/lots/" + lot + "/genealogy");
        assertThat(html).contains("id=\"hold-form\"").doesNotContain("id=\"recall-panel\"");
        // codes and ids in words: where the lot came from, who recorded the results the release rests on (new user
        // 2026-12-07 N7: "Source PRODUCTION", "Lab recorded by sarah")
        assertThat(html).contains("<b title=\"PRODUCTION\">Made here (production)</b>")
                .contains("<dt>lab recorded by</dt><dd>Sarah Johnson (sarah)</dd>")
                .contains("<dt>source</dt><dd>Made here (production)</dd>");
        // a PENDING lot under its lab release: no hold offered (it would be refused), and the way is said (new user
        // 2026-12-06 W12)
        assertThat(sarah.get("/console/lots/" + child).html()).doesNotContain("id=\"hold-form\"")
                .contains("id=\"hold-in-lab-release\"").contains("Record its lab results");
        ConsoleSession.Page coa = sarah.post("/console/lots/" + lot + "/coa", Map.of());
        assertThat(coa.status()).isEqualTo(200);
        assertThat(coa.html()).startsWith("%PDF");
        assertThat(html).contains("id=\"coa-form\"").contains("id=\"retain-until\"")
                // a form of its own, its customer field full width (new user 27 N3: a filter row's 12rem field)
                .containsPattern("<form method=\"post\" action=\"[^\"]*/coa\" id=\"coa-form\">")
                // the product's category in words (new user round 24 N7: "(INDUSTRIAL, 5 years ...)")
                .containsPattern("\\((Industrial products|Food|Pharmaceuticals), \\d+ years beyond expiration\\)")
                .doesNotContain("(INDUSTRIAL, ")
                .contains("Certificate PDF (download)")
                .contains("/api/traceability/fsma204?lot=" + lot).contains("/api/traceability/epcis?lot=" + lot);
        ConsoleSession.Page forCustomer = sarah.post("/console/lots/" + lot + "/coa", Map.of("customer", "Bolt Motors"));
        assertThat(forCustomer.status()).isEqualTo(200);
        assertThat(forCustomer.html()).startsWith("%PDF");
        assertThat(api.get("sarah", "/api/lots/" + lot + "/history").text()).as("the hand-out names its customer")
                .contains("Bolt Motors");
        // a name the PDF cannot print: said at the form on the lot's page, what was typed kept, nothing recorded
        // (new user 2026-12-07 F13: a page of its own about Accept headers, and the way back led to the lot list)
        ConsoleSession.Page unprintable = sarah.post("/console/lots/" + lot + "/coa", Map.of("customer",
                "\u5317\u4eac\u673a\u68b0\u6709\u9650\u516c\u53f8"));
        assertThat(unprintable.status()).isEqualTo(400);
        assertThat(unprintable.html()).contains("id=\"coa-problem\"").contains("Write the name in Latin letters")
                .contains("value=\"\u5317\u4eac\u673a\u68b0\u6709\u9650\u516c\u53f8\"").contains("id=\"lot-status\"")
                .doesNotContain("Accept: application/json");
        assertThat(api.get("sarah", "/api/lots/" + lot + "/history").text()).doesNotContain("\u5317\u4eac");
        // a link or a navigation (another site's page) cannot write a hand-out into the lot's history: there is no
        // GET, and the form without its token is refused
        // asked for as a page (Back to a page that answered a sent form, a bookmark), a form's address is the page the
        // form is on, as it is now (new user 2026-12-06 N2, N13), and sends nothing
        ConsoleSession.Page asPage = sarah.get("/console/lots/" + lot + "/coa?customer=Forged+Link", "application/pdf");
        assertThat(asPage.status()).isEqualTo(303);
        assertThat(asPage.location()).endsWith("/console/lots/" + lot);
        assertThat(api.get("sarah", "/api/lots/" + lot + "/history").text()).doesNotContain("Forged Link");
        assertThat(sarah.postRaw("/console/lots/" + lot + "/coa", Map.of("customer", "No Token")).status())
                .isEqualTo(403);
        assertThat(api.get("sarah", "/api/lots/" + lot + "/history").text()).doesNotContain("Forged Link")
                .doesNotContain("No Token");

        JsonNode picture = api.get("sarah", "/console/lots/" + lot + "/genealogy").json();
        assertThat(picture.get("lotNumber").asText()).isEqualTo(lot);
        List<String> links = new java.util.ArrayList<>();
        picture.get("links").forEach(l -> links.add(l.get("source").asText() + ">" + l.get("target").asText() + "="
                + l.get("value").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(links).contains("lot:" + lot + ">lot:" + child + "=60", "lot:" + lot + ">customer:acme industrial=40");
        JsonNode upstream = api.get("sarah", "/console/lots/" + child + "/genealogy").json();
        assertThat(upstream.toString()).contains("\"category\":\"upstream\"").contains("lot:" + lot);
        // the source's page lists in words the lots made from it (new user 17 F19)
        String parentPage = sarah.get("/console/lots/" + lot).html();
        String usedIn = parentPage.substring(parentPage.indexOf("id=\"used-in\""));
        assertThat(usedIn.substring(0, usedIn.indexOf("</table>"))).contains(child).contains("PENDING")
                .contains("60 drums");
        String childPage = sarah.get("/console/lots/" + child).html();
        assertThat(childPage).contains("id=\"sources\"").contains(lot).contains("60 drums")
                .contains("Open in Tasklist").contains("#/?task=").as("the next step, linked into Tasklist")
                .contains("id=\"next-steps\"").contains("Record lab results");
        // a user outside the task's groups sees it named, not linked: Tasklist would not show it to them (new user V6)
        String forSales = ConsoleSession.login(port, "tom").get("/console/lots/" + child).html();
        assertThat(forSales).contains("Record lab results").doesNotContain("#/?task=")
                .contains("for its group in Tasklist");

        ConsoleSession.Page unknown = sarah.get("/console/lots/NO-SUCH-LOT");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html()).contains("NO-SUCH-LOT");
    }

    @Test
    void aRecallCoordinatorSeesTheScopeBeforeStartingTheRecallAndEveryFormErrorAtItsField() {
        String[] shipped = shippedLot("CRECALL", "Bolt Motors");
        String lot = shipped[0];
        // an open order of the lot: the recall will cancel its allocation, and says so first (new user P9)
        String open = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", open, "customer", "Precision Parts Co.",
                "sku", shipped[1], "quantity", 25)).status()).isEqualTo(201);
        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        String page = rachel.get("/console/lots/" + lot).html();
        assertThat(page).contains("id=\"recall-panel\"").doesNotContain("id=\"hold-form\"")
                .doesNotContain("id=\"recall-form\"").as("certificates are for sales and QA")
                .doesNotContain("id=\"coa-panel\"").as("half the width before the scope is shown")
                .contains("<div class=\"panel\" id=\"recall-panel\"");

        ConsoleSession.Page preview = rachel.get("/console/lots/" + lot
                + "/recall-preview?reason=Contaminated+base+oil&classification=CLASS_II");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.html()).contains("id=\"recall-scope\"").contains("Bolt Motors").contains(shipped[2])
                .contains("id=\"recall-form\"").contains("value=\"Contaminated base oil\"")
                // the scope shown, the recall takes the page's full width (new user 27 N4)
                .contains("<div class=\"panel wide\" id=\"recall-panel\"");
        String allocations = preview.html().substring(preview.html().indexOf("id=\"scope-allocations\""));
        assertThat(allocations.substring(0, allocations.indexOf("</table>"))).contains(open)
                .contains("Precision Parts Co.").contains("25 drums");
        assertThat(status(lot)).as("a preview changes nothing").isEqualTo("RELEASED");
        // what the recall does to each lot, said before it starts (new user 2026-12-06 D9): a PENDING lot made from it
        // is skipped
        String pending = api.post("mike", "/api/lots", Map.of("sku", shipped[1], "quantity", 5, "manufactureDate",
                "2025-01-27", "location", "A1", "sourceLots", java.util.List.of(Map.of("lotNumber", lot, "quantity", 1))))
                .json().get("lotNumber").asText();
        String scope = rachel.get("/console/lots/" + lot + "/recall-preview?reason=x&classification=CLASS_II").html();
        scope = scope.substring(scope.indexOf("id=\"scope-lots\""));
        scope = scope.substring(0, scope.indexOf("</table>"));
        assertThat(scope.substring(scope.indexOf(">" + lot + "<"))).contains("<span>Recalled</span>");
        assertThat(scope.substring(scope.indexOf(">" + pending + "<"))).contains("Unchanged: PENDING (never released)");
        // plain headers, the trace's depth as steps from the named lot (new user 26 F1: "The recall", "Depth")
        assertThat(scope).contains("<th>Status now</th><th>Status after the recall</th><th>Steps from the named lot</th>")
                .doesNotContain("<th>The recall</th>").doesNotContain("<th>Depth</th>").doesNotContain("SKIPPED")
                .contains("data-depth=\"0\">named</td>").contains("data-depth=\"1\">1 (made from it)</td>");
        ConsoleSession.Page unclassified = rachel.get("/console/lots/" + lot + "/recall-preview?reason=Contaminated+base+oil");
        assertThat(unclassified.html()).as("the scope is shown, the start waits for a classification")
                .contains("id=\"recall-scope\"").contains("data-field=\"classification\"")
                .doesNotContain("id=\"recall-form\"");

        ConsoleSession.Page noReason = rachel.post("/console/lots/" + lot + "/recalls", Map.of("reason", "",
                "classification", "CLASS_II"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.html()).contains("id=\"recall-problem\"").contains("data-field=\"reason\"")
                .contains("id=\"recall-scope\"");
        ConsoleSession.Page noClass = rachel.post("/console/lots/" + lot + "/recalls", Map.of("reason",
                "Contaminated base oil", "classification", ""));
        assertThat(noClass.status()).isEqualTo(400);
        assertThat(noClass.html()).contains("data-field=\"classification\"");
        assertThat(status(lot)).isEqualTo("RELEASED");

        // a QA manager may hold, not start a recall: the API's 403, shown
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        jennifer.get("/console/lots/" + lot);
        ConsoleSession.Page refused = jennifer.post("/console/lots/" + lot + "/recalls", Map.of("reason", "x",
                "classification", "CLASS_II"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(status(lot)).isEqualTo("RELEASED");

        ConsoleSession.Page started = rachel.post("/console/lots/" + lot + "/recalls", Map.of("reason",
                "Contaminated base oil", "classification", "CLASS_II"));
        assertThat(started.status()).as(started.html()).isEqualTo(302);
        String recallPath = started.location().substring(started.location().indexOf("/console/recalls/"));
        String number = recallPath.substring("/console/recalls/".length(), recallPath.indexOf('?'));
        assertThat(status(lot)).isEqualTo("RECALLED");
        // the order says why its allocation was cancelled
        assertThat(ConsoleSession.login(port, "tom").get("/console/orders/" + open).html()).contains("CANCELLED")
                .contains("Lot " + lot + " became recalled: Recall " + number).doesNotContain("became RECALLED");
        assertThat(rachel.get("/console/recalls/" + number).html()).as("before the batch jobs ran")
                .contains("id=\"tasks-coming\"").doesNotContain("No open task.").contains("48 hours");
        api.executeJobs();
        // the lot's page names its recall's waiting notification (new user 2026-12-06 U16: "No open task")
        String recalledPage = rachel.get("/console/lots/" + lot).html();
        String openTasks = recalledPage.substring(recalledPage.indexOf("<h2>Open tasks</h2>"));
        assertThat(openTasks.substring(0, openTasks.indexOf("</table>") + 1)).contains("id=\"tasks\"")
                .contains("Bolt Motors").contains(number);

        assertThat(rachel.get("/console/recalls/" + number.toLowerCase(java.util.Locale.ROOT)).html())
                .as("whatever the case typed (auditor round 22 L2)").contains(number).contains("Bolt Motors");
        // the shipped order names its lot's recall, with the lot's status now, and so does its row in the list (new
        // user 2026-12-07 F5: it said only SHIPPED); the open order whose allocation the recall took names it too
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        String shippedOrder = tom.get("/console/orders/" + shipped[2]).html();
        String notice = shippedOrder.substring(shippedOrder.indexOf("class=\"problem order-recall\""));
        assertThat(notice.substring(0, notice.indexOf("</div>"))).contains(">" + lot + "</a>").contains("is under recall")
                .contains("href=\"/console/recalls/" + number + "\"").contains("(Class II, notifying customers): 40 drums"
                        + " of it were shipped to Bolt Motors on 20");
        String shipments = shippedOrder.substring(shippedOrder.indexOf("id=\"shipments\""));
        assertThat(shipments.substring(0, shipments.indexOf("</table>"))).as("the shipment's lot a link, its status now")
                .contains("href=\"/console/lots/" + lot + "\"").contains("data-status=\"RECALLED\"> Recalled</small>"); // in words, the code kept (round 24b N5)
        // shipped, nothing left to ship: "allocated" as the lot page means it (new user 2026-12-07 F15)
        assertThat(shippedOrder).contains("id=\"order-to-ship\">0 drums<");
        String listed = tom.get("/console/orders?sku=" + shipped[1]).html();
        String shippedRow = listed.substring(listed.indexOf("data-order=\"" + shipped[2] + "\""));
        assertThat(shippedRow.substring(0, shippedRow.indexOf("</tr>"))).contains("data-recall=\"" + number + "\"")
                .contains("shipped lot under recall").contains("(Class II, notifying customers)");
        String openRow = listed.substring(listed.indexOf("data-order=\"" + open + "\""));
        assertThat(openRow.substring(0, openRow.indexOf("</tr>"))).as("nothing of it shipped").doesNotContain("data-recall");
        assertThat(tom.get("/console/orders/" + open).html()).contains("class=\"problem order-recall\"")
                .contains("nothing of it was shipped on this order");
        String recall = rachel.get("/console/recalls/" + number).html();
        // class and status in words, the codes kept for the page's readers (new user 2026-12-07 F10)
        assertThat(recall).contains(">Class II</span>").contains("data-status=\"NOTIFYING\"")
                .contains(">Notifying customers</span>").doesNotContain(">CLASS_II<");
        assertThat(recall).doesNotContain("id=\"tasks-coming\"");
        assertThat(recall).contains(number).contains("Bolt Motors").contains("waiting").contains("Deadline")
                .contains("id=\"effectiveness\"").contains("against the target A").contains("/api/recalls/" + number
                        + "/export").contains("Notify Bolt Motors");
        // returns per unit, with the unit (G2)
        assertThat(recall).contains("Returned 0 of 40 drums shipped (0.0 %)");
        // the scope's statuses before and now, once each, in words (new user 26 F1: "Now" and "Action" both RECALLED)
        String scopeRows = recall.substring(recall.indexOf("id=\"scope\""));
        scopeRows = scopeRows.substring(0, scopeRows.indexOf("</table>"));
        assertThat(scopeRows).contains("<th>Status before the recall</th><th>Status now</th><th>Note</th>")
                .doesNotContain("<th>Action</th>").doesNotContain("<th>Depth</th>").doesNotContain(">RECALLED<");
        String lotRow = scopeRows.substring(scopeRows.indexOf("data-lot=\"" + lot + "\""));
        assertThat(lotRow.substring(0, lotRow.indexOf("</tr>"))).contains(">named</td>")
                .contains("data-status=\"RELEASED\">Released</td>").contains("data-status=\"RECALLED\">Recalled</td>");
        String pendingRow = scopeRows.substring(scopeRows.indexOf("data-lot=\"" + pending + "\""));
        assertThat(pendingRow.substring(0, pendingRow.indexOf("</tr>"))).contains("Not recalled: PENDING (never released)");
        // the open order that lost its allocation, as the preview said it would (new user 2026-12-07 F10)
        String lost = recall.substring(recall.indexOf("id=\"lost-allocations\""));
        assertThat(lost.substring(0, lost.indexOf("</table>"))).contains(open).contains("Precision Parts Co.")
                .contains(lot).contains("25 drums");
        // an allocation cancelled before the status was written in words (new user round 25 N6) is found as well
        assertThat(jdbc.update("UPDATE allocation SET close_reason = replace(close_reason, 'became recalled',"
                + " 'became RECALLED') WHERE close_reason LIKE ?", "Lot " + lot + " became recalled%")).isPositive();
        String before = rachel.get("/console/recalls/" + number).html();
        before = before.substring(before.indexOf("id=\"lost-allocations\""));
        assertThat(before.substring(0, before.indexOf("</table>"))).contains(open).contains("25 drums");
        assertThat(recall).contains("/api/recalls/" + number + "/epcis");
        String board = rachel.get("/console/recalls").html();
        assertThat(board).contains("data-recall=\"" + number + "\"");
        assertThat(board.indexOf(number)).isLessThan(board.indexOf("id=\"recalls-closed\""));
        // an open recall has no "Closed" column, but by when its customers are to be notified: Class II, 48 hours
        // (new user 27 N6)
        String openTable = board.substring(board.indexOf("id=\"recalls-open\""), board.indexOf("id=\"recalls-closed\""));
        assertThat(openTable).doesNotContain("<th>Closed</th>").contains("<th>Customers to be notified by</th>");
        String boardRow = openTable.substring(openTable.indexOf("data-recall=\"" + number + "\""));
        java.time.Instant openedAt = java.time.Instant.parse(api.get("rachel", "/api/recalls/" + number).json()
                .get("openedAt").asText());
        assertThat(boardRow.substring(0, boardRow.indexOf("</tr>"))).contains("class=\"notify-by\"")
                .contains(consoleFormat.time(openedAt.plus(java.time.Duration.ofHours(48))));
        assertThat(board.substring(board.indexOf("id=\"recalls-closed\""))).contains("<th>Closed</th>");

        ConsoleSession.Page again = rachel.post("/console/lots/" + lot + "/recalls", Map.of("reason", "again",
                "classification", "CLASS_II"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(rachel.get("/console/recalls/RC-1999-9999").status()).isEqualTo(404);

        // closed with the disposal of its 489 drums on hand (459 and the 30 Bolt Motors sent back; one went into the
        // PENDING lot of the preview): the recall page says what left the plant and how (P8). The 30 it says it
        // returned arrived: none unaccounted for (new user 2026-12-07 N1)
        assertThat(api.post("rachel", "/api/recalls/" + number + "/received-returns", Map.of("lotNumber", lot,
                "customer", "Bolt Motors", "quantity", 30)).status()).isEqualTo(201);
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", Map.of("customer", "Bolt Motors",
                "acknowledged", true, "contactMethod", "VISIT", "contactPerson", "Ann Bolt, plant manager",
                "quantityReturned", 30, "quantityDestroyed", 10, "note", "Ten drums crushed on site")).status())
                .isEqualTo(200);
        api.executeJobs();
        // how and whom the customer was reached, and returned apart from destroyed (21 CFR 7.42(b)(3), 7.59)
        String answered = rachel.get("/console/recalls/" + number).html();
        String row = answered.substring(answered.indexOf("data-customer=\"Bolt Motors\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("personal visit").contains("Ann Bolt, plant manager")
                .contains("30 drums").contains("10 drums").contains("Ten drums crushed on site");
        assertThat(answered).contains("Returned 30 of 40 drums shipped (75.0 %), destroyed at the customers 10 drums:"
                + " 100.0 % retrieved<");
        TestClient.Response closing = api.post("jennifer", "/api/recalls/" + number + "/close", Map.of("comment",
                "All retrieved", "disposalMethod", "DESTROYED", "disposalReference", "WM-2025-0450", "password",
                "jennifer"));
        assertThat(closing.status()).as(closing.toString()).isEqualTo(202);
        api.executeJobs();
        String closed = rachel.get("/console/recalls/" + number).html();
        String disposals = closed.substring(closed.indexOf("id=\"disposals\""));
        assertThat(disposals.substring(0, disposals.indexOf("</table>"))).contains(lot).contains("489 drums")
                .contains("Destroyed").contains("WM-2025-0450");
        assertThat(closed).contains(">Closed</span>");
        // the lot's audit trail says the closing's disposal as the form does (new user 2026-12-07 F10)
        String trail = rachel.get("/console/lots/" + lot).html();
        trail = trail.substring(trail.indexOf("id=\"history\""));
        assertThat(trail).contains("<dt>method</dt><dd>Destroyed</dd>").doesNotContain("<dd>DESTROYED</dd>");
        assertThat(tom.get("/console/orders/" + shipped[2]).html()).contains("(Class II, closed): 40 drums");
    }

    @Test
    void theRecallBoardIsPagedNewestFirstWithACursorAndRefusesABadOneNamingIt() {
        String sku = api.createProduct("CBOARD");
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String lot = api.releasedLot(sku, new BigDecimal("10"), "2025-01-10");
            TestClient.Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot),
                    "reason", "Board paging " + i, "classification", "CLASS_III"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            numbers.add(opened.json().get("recallNumber").asText());
        }
        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        String first = rachel.get("/console/recalls?size=2").html();
        assertThat(first).contains("data-recall=\"" + numbers.get(2) + "\"")
                .contains("data-recall=\"" + numbers.get(1) + "\"")
                .doesNotContain("data-recall=\"" + numbers.get(0) + "\"").contains("id=\"next-open\"");
        assertThat(first.indexOf(numbers.get(2))).as("newest first").isLessThan(first.indexOf(numbers.get(1)));
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("id=\"next-open\"\\s+href=\"([^\"]+)\"")
                .matcher(first);
        assertThat(next.find()).as(first).isTrue();
        String second = rachel.get(next.group(1).replace("&amp;", "&")).html();
        assertThat(second).contains("data-recall=\"" + numbers.get(0) + "\"")
                .doesNotContain("data-recall=\"" + numbers.get(2) + "\"").contains("id=\"first-open\"");

        ConsoleSession.Page badCursor = rachel.get("/console/recalls?openCursor=abc");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.html()).contains("data-field=\"cursor\"");
        ConsoleSession.Page badSize = rachel.get("/console/recalls?size=5000");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.html()).contains("data-field=\"size\"");
        assertThat(new ConsoleSession(port).get("/console/recalls").status()).as("no login").isEqualTo(303);
        ConsoleSession.Page reports = rachel.get("/console/reports");
        assertThat(reports.status()).isEqualTo(200);
        // only the reports of her groups are offered (new user's U16: sales met raw 403 answers behind QA's reports)
        assertThat(reports.html()).contains("action=\"/api/reports/recall-impact\"")
                .doesNotContain("action=\"/console/reports/audit-verify\"")
                .doesNotContain("action=\"/api/reports/quality-trend\"");
        // the check is recorded in the caller's name: a form post with the Console's token, QA managers only
        ConsoleSession.Page notHers = rachel.post("/console/reports/audit-verify", Map.of());
        assertThat(notHers.status()).isEqualTo(403);
        assertThat(notHers.html()).as("refused for her group, not for the form").doesNotContain("out of date");
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        // the complaints report's triggers in words (new user 2026-12-07 L5)
        assertThat(jennifer.get("/console/reports").html()).contains("\"COMPLAINT\":\"Customer complaint\"")
                .contains("\"RECEIPT\":\"Received into quarantine\"")
                // the people of the "... by" columns named as elsewhere, one column (new user 2026-12-07 F6)
                .contains("\"sarah\":\"Sarah Johnson (sarah)\"").contains("/ByName$/.test(n)")
                // a recall's class and status and an override's status in the pages' words, by report (new user
                // round 24 N2: "CLASS_I", "CLOSED", "APPROVED")
                .contains("\"report-recall-impact\":{").contains("\"CLASS_I\":\"Class I\"")
                .contains("\"CLOSED\":\"Closed\"").contains("\"report-fefo-compliance\":{")
                .contains("\"APPROVED\":\"Approved\"").contains("CODE_WORDS[shownReport]")
                // shares one way, "75.0 %", and months left as the lot list writes them (new user round 24 N3)
                .contains("Number(text).toFixed(1) + ' %'").contains("Math.floor(Number(text)) + ' months'");
        assertThat(jennifer.get("/console/reports").html()).contains("action=\"/console/reports/audit-verify\"")
                .contains("action=\"/api/reports/quality-trend\"")
                // FEFO as everywhere else, the seed's name only beside it (new user 2026-12-07 F15)
                .contains("<b>FEFO allocation</b>").doesNotContain("<b>FIFO management</b>");
        // an administrator reads every report, as the API lets them, and is offered no role's action (new user Q6)
        String asAdmin = ConsoleSession.login(port, "demo").get("/console/reports").html();
        assertThat(asAdmin).contains("action=\"/api/reports/quality-trend\"")
                .contains("action=\"/api/reports/recall-impact\"").contains("action=\"/api/reports/fefo\"")
                .doesNotContain("id=\"nav-new-lot\"");
        ConsoleSession.Page check = jennifer.post("/console/reports/audit-verify", Map.of());
        assertThat(check.status()).as(check.html()).isEqualTo(200);
        assertThat(check.html()).contains("id=\"audit-intact\"").contains("id=\"audit-hash\"")
                // the checker by name, as every other page names a person (new user 26 F9: "by anna")
                .contains("by Jennifer Lee (jennifer)");
    }

    @Test
    void theLotListLinksTheOpenPlantWideReviewIntoTasklist() {
        // a released lot expiring within the alert window: the expiry run opens its review
        TestClient.Response made = api.post("mike", "/api/lots", Map.of("sku", api.createProduct("CREVIEW"),
                "quantity", 10, "manufactureDate", "2023-03-20", "location", "Warehouse B",
                "expirationDate", "2025-03-20"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        api.release(made.json().get("lotNumber").asText());
        String mine = runtimeService.startProcessInstanceByKey("expiryMonitoring").getId();
        api.executeJobs();
        var review = taskService.createTaskQuery().processDefinitionKey("expiryMonitoring").active().singleResult();
        assertThat(review).as("one review open (this run's, or one a run before it left open)").isNotNull();
        try {
            String page = ConsoleSession.login(port, "tom").get("/console/lots").html();
            assertThat(page).contains("id=\"reviews\"").contains("Review expiring lots")
                    .contains("#/?task=" + review.getId());
            // production is not among the review's groups: named, not linked (new user V6)
            assertThat(ConsoleSession.login(port, "mike").get("/console/lots").html()).contains("Review expiring lots")
                    .doesNotContain("#/?task=" + review.getId());
        } finally {
            if (review.getProcessInstanceId().equals(mine)) {
                TestClient.Response done = api.post("tom", "/engine-rest/task/" + review.getId() + "/complete",
                        Map.of("variables", Map.of("reviewNote", Map.of("value", "Seen on the Console"))));
                assertThat(done.status()).as(done.toString()).isEqualTo(204);
            }
        }
    }
}
