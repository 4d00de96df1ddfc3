package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Console's production and sales forms over real HTTP: Mike creates a lot with a source lot, Tom places an
 * order and ships it; each form refuses as the API does (its field rules, then the service's), at the field,
 * with the API's status, changing nothing; a user of another group gets 403.
 */
@ApiTest
class ConsoleFormsTest {

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static Map<String, String> lotForm(String sku, String quantity, String date) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("sku", sku);
        f.put("quantity", quantity);
        f.put("manufactureDate", date);
        f.put("location", "Warehouse B");
        f.put("lotNumber", "");
        f.put("expirationDate", "");
        f.put("productionOrder", "PO-7");
        f.put("sourceLots", "");
        return f;
    }

    @Test
    void mikeCreatesALotWithASourceLotAndEveryErrorIsShownAtItsField() {
        String rawSku = api.createProduct("CFRAW");
        String raw = api.releasedLot(rawSku, new BigDecimal("200"), "2025-01-05");
        String sku = api.createProduct("CFNEW");
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        ConsoleSession.Page form = mike.get("/console/lots/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("id=\"lot-form\"").contains(sku).contains("id=\"nav-new-lot\"");

        Map<String, String> f = lotForm(sku, "12.3456", "2025-01-20");
        ConsoleSession.Page decimals = mike.post("/console/lots/new", f);
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.html()).contains("data-field=\"quantity\"").contains("at most 3 decimal places")
                .contains("value=\"PO-7\"");
        f = lotForm(sku, "abc", "2025-01-20");
        assertThat(mike.post("/console/lots/new", f).html()).contains("data-field=\"quantity\"")
                .contains("&#39;abc&#39; is not a valid number: write it in digits with a point for decimals");
        // Arabic-Indic 100: written with the digits 0-9 or not at all (auditor 2026-12-06 B4)
        f = lotForm(sku, "\u0661\u0660\u0660", "2025-01-20");
        ConsoleSession.Page arabic = mike.post("/console/lots/new", f);
        assertThat(arabic.status()).isEqualTo(400);
        assertThat(arabic.html()).contains("data-field=\"quantity\"").contains("is not a valid number");
        f = lotForm(sku, "100", "20.1.2025");
        assertThat(mike.post("/console/lots/new", f).html()).contains("data-field=\"manufactureDate\"");
        f = lotForm("", "100", "2025-01-20");
        assertThat(mike.post("/console/lots/new", f).html()).contains("data-field=\"sku\"");
        f = lotForm("NO-SUCH-SKU", "100", "2025-01-20");
        ConsoleSession.Page unknownSku = mike.post("/console/lots/new", f);
        assertThat(unknownSku.status()).isEqualTo(400);
        assertThat(unknownSku.html()).contains("data-field=\"sku\"");
        f = lotForm(sku, "100", "2025-01-20");
        f.put("sourceLots", raw + " 60\nbroken line here");
        ConsoleSession.Page badLine = mike.post("/console/lots/new", f);
        assertThat(badLine.status()).isEqualTo(400);
        assertThat(badLine.html()).contains("data-field=\"sourceLots\"").contains("line 2");
        f.put("sourceLots", raw + " 900");
        ConsoleSession.Page tooMuch = mike.post("/console/lots/new", f);
        assertThat(tooMuch.status()).as(tooMuch.html()).isIn(400, 409);
        assertThat(tooMuch.html()).contains("id=\"form-problem\"");
        assertThat(api.get("mike", "/api/lots/" + raw).json().get("consumed").decimalValue()).isZero();

        f.put("sourceLots", raw + " 60");
        ConsoleSession.Page created = mike.post("/console/lots/new", f);
        assertThat(created.status()).as(created.html()).isEqualTo(302);
        String lot = created.location().substring(created.location().lastIndexOf('/') + 1, created.location().indexOf('?'));
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("PENDING");
        assertThat(api.get("mike", "/api/lots/" + raw).json().get("consumed").decimalValue())
                .isEqualByComparingTo("60");
        assertThat(mike.get("/console/lots/" + lot + "?created").html()).contains("id=\"created-notice\"")
                .contains("id=\"sources\"").contains(raw);

        // the form sent again (Back, then "Create the lot" again) creates nothing more (new user's U1); nor does a form
        // without a token this session issued, or with one made up (auditor's re-test B6)
        String once = java.util.regex.Pattern.compile("name=\"_once\" value=\"([^\"]+)\"")
                .matcher(mike.get("/console/lots/new").html()).results().findFirst().orElseThrow().group(1);
        f.put("_once", once);
        f.put("sourceLots", "");
        long lots = count("SELECT COUNT(*) FROM lot");
        assertThat(mike.post("/console/lots/new", f).status()).isEqualTo(302);
        ConsoleSession.Page again = mike.post("/console/lots/new", f);
        assertThat(again.status()).as(again.html()).isEqualTo(409);
        assertThat(again.html()).contains("This form was sent already");
        f.put("_once", "made-up-token");
        assertThat(mike.post("/console/lots/new", f).status()).isEqualTo(409);
        Map<String, String> without = new LinkedHashMap<>(f);
        without.remove("_once");
        without.put("_csrf", mike.csrf());
        assertThat(mike.postRaw("/console/lots/new", without).status()).isEqualTo(409);
        assertThat(mike.postRaw("/%63onsole/lots/new", without).status()).as("C7: an encoded path").isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM lot")).isEqualTo(lots + 1);
        f.remove("_once");

        // sales may not create lots
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/lots/new").status()).isEqualTo(403);
        ConsoleSession.Page refused = tom.post("/console/lots/new", lotForm(sku, "5", "2025-01-20"));
        assertThat(refused.status()).isEqualTo(403);
        // refused before the form is read: an invalid form tells an outsider nothing about the rules either
        ConsoleSession.Page invalid = tom.post("/console/lots/new", lotForm("", "-5", "not a date"));
        assertThat(invalid.status()).isEqualTo(403);
        assertThat(invalid.html()).doesNotContain("data-field=\"quantity\"");
        // an outsider's form without its one-time token, or with a made-up one, is told 403 (whose work it is), not
        // that the form was sent already (re-test 2026-12-06 R10), on every Console form that records something
        Map<String, String> noOnce = new LinkedHashMap<>(lotForm(sku, "5", "2025-01-20"));
        noOnce.put("_csrf", tom.csrf());
        assertThat(tom.postRaw("/console/lots/new", noOnce).status()).isEqualTo(403);
        noOnce.put("_once", "made-up-token");
        assertThat(tom.postRaw("/console/lots/new", noOnce).status()).isEqualTo(403);
        Map<String, String> labResults = new LinkedHashMap<>(Map.of("_csrf", tom.csrf(), "labResults", "viscosity = 1"));
        for (String path : List.of("/console/lots/" + lot + "/lab-results", "/console/lots/" + lot + "/holds",
                "/console/lots/" + lot + "/recalls", "/console/drills", "/console/signers/sarah/confirmation")) {
            ConsoleSession.Page outsider = tom.postRaw(path, labResults);
            assertThat(outsider.status()).as(path + ": " + outsider.html()).isEqualTo(403);
        }
        ConsoleSession.Page noSales = mike.postRaw("/console/orders/SO-NONE/cancel", Map.of("_csrf", mike.csrf()));
        assertThat(noSales.status()).as(noSales.html()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM lot")).isEqualTo(lots + 1);
    }

    @Test
    void tomPlacesAnOrderAndShipsItAndEveryErrorIsShownAtItsField() {
        String sku = api.createProduct("CFORD");
        String lot = api.releasedLot(sku, new BigDecimal("300"), "2025-01-05");
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/orders/new").html()).contains("id=\"order-form\"").contains(sku);

        Map<String, String> f = new LinkedHashMap<>(Map.of("orderNumber", number, "customer", "Acme Industrial",
                "sku", sku, "quantity", "0", "requiredBy", "", "minShelfLifeMonths", "", "requestedLot", ""));
        ConsoleSession.Page zero = tom.post("/console/orders", f);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.html()).contains("data-field=\"quantity\"").contains("greater than 0");
        f.put("quantity", "50");
        f.put("requiredBy", "2024-12-01");
        ConsoleSession.Page past = tom.post("/console/orders", f);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.html()).contains("data-field=\"requiredBy\"").contains("must not be in the past");
        f.put("requiredBy", "");
        f.put("minShelfLifeMonths", "500");
        assertThat(tom.post("/console/orders", f).html()).contains("data-field=\"minShelfLifeMonths\"");
        // "#18" was kept as 24 months, the order left unallocated (auditor 2026-12-07 F1)
        f.put("minShelfLifeMonths", "#18");
        ConsoleSession.Page hex = tom.post("/console/orders", f);
        assertThat(hex.status()).isEqualTo(400);
        assertThat(hex.html()).contains("data-field=\"minShelfLifeMonths\"");
        f.put("minShelfLifeMonths", "");
        f.put("customer", " ");
        assertThat(tom.post("/console/orders", f).html()).contains("data-field=\"customer\"");
        // the API's rule on every form: a NUL character is refused naming its field (it once reached the lot's page
        // and failed it for everyone)
        f.put("customer", "Evil\u0000Co");
        ConsoleSession.Page nul = tom.post("/console/orders", f);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.html()).contains("data-field=\"customer\"").contains("must not contain a NUL character");
        f.put("customer", "Acme Industrial");
        assertThat(api.call("tom", "tom", org.springframework.http.HttpMethod.GET, "/api/orders/" + number, null,
                "application/json").status()).as("nothing placed").isEqualTo(404);
        ConsoleSession sarah = ConsoleSession.login(port, "sarah");
        sarah.get("/console/lots/" + lot);
        ConsoleSession.Page nulHold = sarah.post("/console/lots/" + lot + "/holds", Map.of("reason", "r\u0000x",
                "source", "COMPLAINT"));
        assertThat(nulHold.status()).isEqualTo(400);
        assertThat(nulHold.html()).contains("data-field=\"reason\"");
        assertThat(api.get("sarah", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");

        ConsoleSession.Page placed = tom.post("/console/orders", f);
        assertThat(placed.status()).as(placed.html()).isEqualTo(302);
        String page = tom.get("/console/orders/" + number + "?placed").html();
        assertThat(page).contains("id=\"placed-notice\"").contains(lot).contains("FEFO").contains("id=\"ship-form\"");
        // quantities with their unit (new user 2026-12-06 W15)
        assertThat(page).containsPattern("id=\"order-quantity\">[0-9.]+ drums<");
        ConsoleSession.Page taken = tom.post("/console/orders", f);
        assertThat(taken.status()).isEqualTo(409);

        assertThat(tom.post("/console/orders/" + number + "/shipments", Map.of("shippedAt", "yesterday",
                "carrier", "")).html()).contains("data-field=\"shippedAt\"");
        // a carrier of spaces is refused as the API refuses it, not read as none (re-test 2026-12-07 F7)
        ConsoleSession.Page spaces = tom.post("/console/orders/" + number + "/shipments", Map.of("shippedAt", "",
                "carrier", "   "));
        assertThat(spaces.status()).isEqualTo(400);
        assertThat(spaces.html()).contains("data-field=\"carrier\"");
        // so are a hold's reference and a certificate's customer (re-test 2026-12-07 G5)
        ConsoleSession analyst = ConsoleSession.login(port, "sarah");
        analyst.get("/console/lots/" + lot);
        ConsoleSession.Page hold = analyst.post("/console/lots/" + lot + "/holds", Map.of("reason", "Viscosity drift",
                "source", "OTHER", "reference", "   "));
        assertThat(hold.status()).as(hold.html()).isEqualTo(400);
        assertThat(hold.html()).contains("data-field=\"reference\"");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        tom.get("/console/lots/" + lot);
        ConsoleSession.Page coa = tom.post("/console/lots/" + lot + "/coa", Map.of("customer", "   "));
        assertThat(coa.status()).isEqualTo(400);
        assertThat(coa.html()).contains("id=\"coa-problem\"").contains("is only spaces");
        ConsoleSession.Page shipped = tom.post("/console/orders/" + number + "/shipments", Map.of("shippedAt", "",
                "carrier", "DHL"));
        assertThat(shipped.status()).isEqualTo(302);
        assertThat(tom.get("/console/orders/" + number + "?shipped").html()).contains("id=\"shipped-notice\"")
                .contains("DHL").as("nothing left to ship: no ship form (new user V13)").doesNotContain("id=\"ship-form\"")
                .contains("id=\"nothing-to-ship\"");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("shipped").decimalValue()).isEqualByComparingTo("50");

        // a QA manager may not place orders or ship
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        assertThat(jennifer.get("/console/orders/new").status()).isEqualTo(403);
        jennifer.get("/console/orders/" + number);
        f.put("orderNumber", number + "-2");
        assertThat(jennifer.post("/console/orders", f).status()).isEqualTo(403);
        assertThat(jennifer.post("/console/orders/" + number + "/shipments", Map.of()).status()).isEqualTo(403);
        assertThat(tom.get("/console/orders/NO-SUCH-ORDER").status()).isEqualTo(404);
    }

    @Test
    void anOrderWhoseLotWentOnHoldIsNotOfferedToShipAndSaysWhy() {
        // new user 2026-12-06 D11: Ship was offered for an allocation on a lot put on hold since, and then refused
        String sku = api.createProduct("CFHLD");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-05");
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", number, "customer", "Acme Industrial", "sku", sku,
                "quantity", 20)).status()).isEqualTo(201);
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/orders/" + number).html()).contains("id=\"ship-form\"").doesNotContain("cannot-ship");
        var held = api.post("sarah", "/api/lots/" + lot + "/holds", Map.of("reason", "Customer complaint: haze",
                "source", "COMPLAINT"));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        String page = tom.get("/console/orders/" + number).html();
        assertThat(page).doesNotContain("id=\"ship-form\"").contains("id=\"cannot-ship\"")
                .contains("lot " + lot + " is in quarantine (on hold until released)");
        // what the API would answer, had the form been there
        assertThat(api.post("tom", "/api/orders/" + number + "/shipments", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void anOrderWaitingForAnOverrideSaysSoAndShowsNoShortfall() {
        // new user 2026-12-06 M1: "Shortfall 50 drums" and a paragraph about a button that was not there
        String sku = api.createProduct("CFOVR");
        api.releasedLot(sku, new BigDecimal("100"), "2025-01-05");
        String newer = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        var placed = api.post("tom", "/api/orders", Map.of("orderNumber", number, "customer", "Acme Industrial", "sku",
                sku, "quantity", 20, "requestedLot", newer, "requestReason", "Previous performance history"));
        assertThat(placed.json().get("status").asText()).as(placed.toString()).isEqualTo("OVERRIDE_PENDING");
        String page = ConsoleSession.login(port, "tom").get("/console/orders/" + number).html();
        assertThat(page).contains("id=\"awaiting-override\"").contains("Not allocated yet")
                .contains("decision on the requested lot " + newer).doesNotContain(">Shortfall<")
                .doesNotContain("id=\"allocate-panel\"");
    }

    /** New user 2026-12-06 M8, L8, L9: a shelf-life minimum no lot made here can meet, said; the page is under Orders. */
    @Test
    void anOrderAskingMoreShelfLifeThanTheProductKeepsSaysSo() {
        String sku = api.createProduct("CFSHL");
        api.releasedLot(sku, new BigDecimal("100"), "2025-01-05");
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        var placed = api.post("tom", "/api/orders", Map.of("orderNumber", number, "customer", "Northside Clinic", "sku",
                sku, "quantity", 20, "minShelfLifeMonths", 30));
        assertThat(placed.json().get("status").asText()).as(placed.toString()).isEqualTo("UNALLOCATED");
        String page = ConsoleSession.login(port, "tom").get("/console/orders/" + number).html();
        assertThat(page).contains("lots made here keep 24 months of shelf life: none of them can have the 30 months")
                .contains("on this page once such stock is released").doesNotContain("sales allocates it below")
                .contains("id=\"nav-orders\" class=\"active\"");
    }

    /** New user 2026-12-06 M10: a second administrator confirmed a signer only with a REST call. */
    @Test
    void aSecondAdministratorConfirmsASignerOnTheSignersPage() {
        String admin2 = api.secondAdministrator();
        String analyst = "lisa" + UUID.randomUUID().toString().substring(0, 6);
        String given = "Given-by-demo-Password-1";
        assertThat(api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", analyst, "firstName",
                "Lisa", "lastName", "New" + org.lotflow.support.TestUsers.letters(analyst.substring(4))), "credentials",
                Map.of("password", given))).status())
                .isEqualTo(204);
        ConsoleSession demo = ConsoleSession.login(port, "demo");
        String waitingForOwn = demo.get("/console/signers").html();
        assertThat(waitingForOwn).contains("data-user=\"" + analyst + "\"").contains("their own password first")
                .doesNotContain("id=\"confirm-" + analyst + "\"");
        String own = "Own-Secret-Password-2";
        assertThat(api.call(analyst, given, org.springframework.http.HttpMethod.PUT, "/engine-rest/user/" + analyst
                + "/credentials", Map.of("password", own, "authenticatedUserPassword", given), "application/json")
                .status()).isEqualTo(204);
        // demo set the password: not demo, another administrator confirms
        assertThat(demo.get("/console/signers").html()).contains("an administrator other than you")
                .doesNotContain("id=\"confirm-" + analyst + "\"");
        assertThat(demo.post("/console/signers/" + analyst + "/confirmation", Map.of()).status()).isEqualTo(403);
        ConsoleSession oliver = ConsoleSession.login(port, admin2);
        assertThat(oliver.get("/console/signers").html()).contains("id=\"confirm-" + analyst + "\"")
                .contains("id=\"nav-signers\"");
        ConsoleSession.Page confirmed = oliver.post("/console/signers/" + analyst + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.html()).isEqualTo(302);
        assertThat(oliver.get("/console/signers?confirmed=" + analyst).html()).contains("id=\"confirmed-notice\"")
                .doesNotContain("data-user=\"" + analyst + "\"");
        assertThat(api.get("demo", "/api/security/events?user=" + analyst).json().findValuesAsText("type"))
                .contains("SIGNER_CONFIRMED");
        // nobody but administrators sees the page
        assertThat(ConsoleSession.login(port, "jennifer").get("/console/signers").status()).isEqualTo(403);
    }

    @Test
    void mikeDefinesAProductWithItsSpecificationAndEveryErrorIsShownAtItsField() {
        String sku = "CFPROD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        String productsPage = mike.get("/console/products").html();
        assertThat(productsPage).contains("id=\"product-form\"").contains("IL-250-55GAL")
                .containsPattern(" by [A-Z][a-z]+ [A-Z][a-z]+ \\([a-z]+\\)</td>"); // who defined it (new user F6)
        // the category the form calls the default is the one chosen when left alone (new user 2026-12-06 N1: the
        // browser took the first, FOOD, and a product is never changed once defined)
        assertThat(productsPage).containsPattern("<option value=\"INDUSTRIAL\" selected=\"selected\"")
                .doesNotContainPattern("<option value=\"FOOD\" selected")
                // categories in words, the code the form's value (new user round 24 N7)
                .contains(">Industrial products (5 years beyond expiration), the default</option>")
                .contains("<td>Industrial products, ").doesNotContain("<td>INDUSTRIAL, ");
        // production is told in the plant's words what happens to the serials without a pattern, not an API call
        // (new user 27 N7)
        assertThat(productsPage).doesNotContain("/api/").contains("the Console makes no serials")
                .contains("loaded from the plant's own systems").contains("Ask your lotflow administrator");
        Map<String, String> f = new LinkedHashMap<>(Map.of("sku", sku, "name", "Gear oil", "description", "",
                "unit", "drums", "shelfLifeMonths", "24", "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", "viscosity cSt 245 255\nflashPoint °C 220"));
        ConsoleSession.Page badLine = mike.post("/console/products", f);
        assertThat(badLine.status()).isEqualTo(400);
        assertThat(badLine.html()).contains("data-field=\"specs\"").contains("line 2").contains("value=\"Gear oil\"");
        f.put("specs", "viscosity cSt 245.1234567 255");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"specs\"")
                .contains("at most 6 decimal places");
        f.put("specs", "viscosity cSt 245 255\nflashPoint °C 220 -");
        f.put("shelfLifeMonths", "two years");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"shelfLifeMonths\"");
        // hexadecimal and other scripts' digits are not read as another number (auditor 2026-12-07 F1: 0x18 was kept
        // as 24 months, and a product is never changed once defined)
        for (String notPlain : new String[] {"0x18", "#18", "0X0C", "\u0661\u0668"}) {
            f.put("shelfLifeMonths", notPlain);
            ConsoleSession.Page refused = mike.post("/console/products", f);
            assertThat(refused.status()).as(notPlain).isEqualTo(400);
            assertThat(refused.html()).as(notPlain).contains("data-field=\"shelfLifeMonths\"")
                    .contains("is not a whole number: write it with the digits 0-9") // not "a point for decimals" (F5)
                    .doesNotContain("a point for decimals");
        }
        f.put("shelfLifeMonths", "24");
        f.put("retentionYears", "#7");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"retentionYears\"");
        f.remove("retentionYears");
        f.put("name", "");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"name\"");
        f.put("name", "Gear oil");
        // a unit that is neither a measure nor a count of packages lotflow knows is refused at the unit field (auditor:
        // 12.5 MT exported to EPCIS as 12.5 items), and so is "ton", which names several weights
        f.put("unit", "tank");
        ConsoleSession.Page unit = mike.post("/console/products", f);
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.html()).contains("data-field=\"unit\"").contains("does not know whether")
                .contains("value=\"tank\"");
        f.put("unit", "tons");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"unit\"").contains("short ton");
        f.put("unit", "drums");
        f.put("lotNumberPattern", "no placeholders");
        ConsoleSession.Page pattern = mike.post("/console/products", f);
        assertThat(pattern.status()).isEqualTo(400);
        assertThat(pattern.html()).contains("data-field=\"lotNumberPattern\"");
        f.put("lotNumberPattern", sku + "-{yyyy}-{seq:3}");
        assertThat(api.call("mike", "mike", org.springframework.http.HttpMethod.GET, "/api/products/" + sku, null,
                "application/json").status()).as("nothing defined").isEqualTo(404);

        ConsoleSession.Page created = mike.post("/console/products", f);
        assertThat(created.status()).as(created.html()).isEqualTo(302);
        var product = api.get("mike", "/api/products/" + sku).json();
        assertThat(product.get("specs").toString()).contains("viscosity").contains("flashPoint");
        assertThat(mike.get("/console/products?created=" + sku).html()).contains("id=\"product-created\"")
                .contains("id=\"product-" + sku + "\"")
                // who defined it and its specification, and when (auditor 2026-12-06 G8)
                .containsPattern("id=\"product-" + sku + "\"[\\s\\S]*? by Mike Rodriguez \\(mike\\)</td>");
        assertThat(mike.post("/console/products", f).status()).as("SKU taken").isEqualTo(409);

        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/products").html()).doesNotContain("id=\"product-form\"");
        f.put("sku", sku + "X");
        f.put("lotNumberPattern", sku + "X-{yyyy}-{seq:3}");
        assertThat(tom.post("/console/products", f).status()).isEqualTo(403);
    }

    private static Map<String, String> receiptForm(String sku, String supplierLot, String lines) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("sku", sku);
        f.put("supplier", "Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029");
        f.put("supplierLotNumber", supplierLot);
        f.put("receiptDate", "2025-01-20");
        f.put("location", "Tank farm 1");
        f.put("deliveryReference", "BOL-7");
        f.put("lines", lines);
        return f;
    }

    private int lotsOfSupplierLot(String supplierLot) {
        return api.get("mike", "/api/lots?supplierLotNumber=" + supplierLot).json().get("items").size();
    }

    @Test
    void mikeReceivesASuppliersDeliveryOneLotPerLineAndEveryErrorIsShownAtItsField() {
        String sku = api.createProduct("CFRCV");
        String supplierLot = "GCB-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        ConsoleSession.Page form = mike.get("/console/receipts/new?sku=" + sku);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("id=\"receipt-form\"").contains("id=\"nav-receipt\"")
                // the receipt date starts at today, the usual value (new user 2026-12-06 L5)
                .contains("id=\"receiptDate\" name=\"receiptDate\" value=\"2025-01-28\"");

        ConsoleSession.Page sameDate = mike.post("/console/receipts", receiptForm(sku, supplierLot,
                "10 2027-01-10\n5 2027-01-10"));
        assertThat(sameDate.status()).as("the use case's own rule, the field named as the form's reader sees it")
                .isEqualTo(400);
        assertThat(sameDate.html()).contains("data-field=\"lines\"").contains("Lines, line 2, expiration date: is the same")
                .contains("value=\"BOL-7\"").contains("is the same as the 1st line&#39;s (2027-01-10)")
                .doesNotContain("lines[0]");
        // said once at the field (and once in the summary above the form), not twice at the field (N12)
        assertThat(sameDate.html().split("data-field=\"lines\"", -1)).hasSize(2);
        ConsoleSession.Page badLine = mike.post("/console/receipts", receiptForm(sku, supplierLot,
                "10 2027-01-10\n5 next-year"));
        assertThat(badLine.status()).isEqualTo(400);
        assertThat(badLine.html()).contains("data-field=\"lines\"").contains("line 2");
        assertThat(mike.post("/console/receipts", receiptForm(sku, supplierLot, "10.12345 2027-01-10")).html())
                .contains("data-field=\"lines\"").contains("at most 3 decimal places");
        assertThat(mike.post("/console/receipts", receiptForm(sku, supplierLot, " ")).html())
                .contains("data-field=\"lines\"").contains("at least one line");
        Map<String, String> f = receiptForm(sku, supplierLot, "10 2027-01-10");
        f.put("supplier", "");
        assertThat(mike.post("/console/receipts", f).html()).contains("data-field=\"supplier\"");
        f = receiptForm(sku, supplierLot, "10 2027-01-10");
        f.put("receiptDate", "2099-01-01");
        ConsoleSession.Page future = mike.post("/console/receipts", f);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.html()).contains("data-field=\"receiptDate\"");
        // a date with a zone is no date: refused, not read without its zone (re-test 2026-12-06 E9)
        for (String zoned : new String[] {"2025-01-27+01:00", "2025-01-27Z"}) {
            f.put("receiptDate", zoned);
            ConsoleSession.Page withZone = mike.post("/console/receipts", f);
            assertThat(withZone.status()).as(zoned).isEqualTo(400);
            assertThat(withZone.html()).contains("data-field=\"receiptDate\"");
        }
        ConsoleSession.Page unknown = mike.post("/console/receipts", receiptForm("NO-SUCH-SKU", supplierLot,
                "10 2027-01-10"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html()).contains("data-field=\"sku\"");
        assertThat(lotsOfSupplierLot(supplierLot)).as("all lines or none: nothing received").isZero();

        assertThat(mike.postRaw("/console/receipts", receiptForm(sku, supplierLot, "10 2027-01-10")).status())
                .as("no CSRF token").isEqualTo(403);
        assertThat(lotsOfSupplierLot(supplierLot)).isZero();

        // drums are received whole (audit 28 F2): half a drum on line 2 is said at the lines, nothing received
        ConsoleSession.Page half = mike.post("/console/receipts", receiptForm(sku, supplierLot,
                "3000 2027-01-10 2025-01-10\n1500.5 2027-01-24"));
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.html()).contains("data-field=\"lines\"").contains("1500.5 drums is not a whole number of drums");
        assertThat(lotsOfSupplierLot(supplierLot)).isZero();
        ConsoleSession.Page received = mike.post("/console/receipts", receiptForm(sku, supplierLot,
                "3000 2027-01-10 2025-01-10\n1500 2027-01-24"));
        assertThat(received.status()).as(received.html()).isEqualTo(302);
        assertThat(received.location()).contains("/console/lots?supplierLotNumber=" + supplierLot);
        // the Console's lot filter finds it whatever the case typed, as the API does (auditor round 22 M5)
        assertThat(mike.get("/console/lots?supplierLotNumber=" + supplierLot.toLowerCase(java.util.Locale.ROOT)).html())
                .contains("2027-01-10").contains("2027-01-24");
        String list = mike.get(received.location().substring(received.location().indexOf("/console/"))).html();
        assertThat(list).contains("id=\"received-notice\"").contains("2027-01-10").contains("2027-01-24")
                .contains("1500").as("what happened, not both alternatives (new user 2026-12-06 L6)")
                .contains("each pending with its incoming inspection (lab release) started.").doesNotContain("or QUARANTINE");
        var lots = api.get("mike", "/api/lots?supplierLotNumber=" + supplierLot).json().get("items");
        assertThat(lots).hasSize(2);
        assertThat(lots.get(0).get("source").asText()).isEqualTo("RECEIPT");
        assertThat(lots.get(0).get("deliveryReference").asText()).isEqualTo("BOL-7");
        // the second line stated no manufacture date: its lot says the receipt date stands in (new user 2026-12-06 M6)
        assertThat(list.split("mfg-assumed", -1)).as("marked on the one lot without a stated date").hasSize(2);
        assertThat(mike.get("/console/lots/" + lots.get(1).get("lotNumber").asText()).html()).contains("id=\"mfg-assumed\"")
                .contains("not stated by the supplier: the receipt date stands in for it");
        assertThat(mike.get("/console/lots/" + lots.get(0).get("lotNumber").asText()).html())
                .doesNotContain("id=\"mfg-assumed\"");

        // sales may not receive: the page and the form are refused as POST /api/receipts is
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/lots").html()).doesNotContain("id=\"nav-receipt\"");
        assertThat(tom.get("/console/receipts/new").status()).isEqualTo(403);
        assertThat(tom.post("/console/receipts", receiptForm(sku, supplierLot + "X", "10 2027-01-10")).status())
                .isEqualTo(403);
        assertThat(lotsOfSupplierLot(supplierLot + "X")).isZero();
    }

    @Test
    void tomCancelsAnOrderOnItsPageAndTheRefusalsAreTheApis() {
        String sku = api.createProduct("CFCNL");
        String lot = api.releasedLot(sku, new BigDecimal("300"), "2025-01-05");
        String open = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        String shipped = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", open, "customer", "Acme", "sku", sku,
                "quantity", 40)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", shipped, "customer", "Acme", "sku", sku,
                "quantity", 10)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + shipped + "/shipments", Map.of()).status()).isEqualTo(201);

        // a QA manager sees no cancel button and is refused 403 posting one
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        assertThat(jennifer.get("/console/orders/" + open).html()).doesNotContain("id=\"cancel-form\"");
        ConsoleSession.Page refused = jennifer.post("/console/orders/" + open + "/cancel", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).as("refused before the form is read, naming the work").contains("cancel an order");
        assertThat(api.get("tom", "/api/orders/" + open).json().get("status").asText()).isEqualTo("ALLOCATED");

        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/orders/" + open).html()).contains("id=\"cancel-form\"");
        assertThat(tom.postRaw("/console/orders/" + open + "/cancel", Map.of()).status()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(api.get("tom", "/api/orders/" + open).json().get("status").asText()).isEqualTo("ALLOCATED");
        ConsoleSession.Page cancelled = tom.post("/console/orders/" + open + "/cancel", Map.of());
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(tom.get("/console/orders/" + open + "?cancelled").html()).contains("id=\"cancelled-notice\"")
                .contains("CANCELLED").doesNotContain("id=\"cancel-form\"")
                .as("a cancelled order owes nothing (new user U11)").doesNotContain("<span>Shortfall</span>");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("allocated").decimalValue()).isZero();

        tom.get("/console/orders/" + shipped);
        ConsoleSession.Page fullyShipped = tom.post("/console/orders/" + shipped + "/cancel", Map.of());
        assertThat(fullyShipped.status()).isEqualTo(409);
        assertThat(fullyShipped.html()).contains("id=\"form-problem\"").contains("409");
        assertThat(tom.post("/console/orders/NO-SUCH-ORDER/cancel", Map.of()).status()).isEqualTo(404);
    }

    /** New user 2026-12-06 N1: a lot received into quarantine had no screen to record its incoming inspection on. */
    @Test
    void sarahRecordsTheIncomingInspectionOfALotReceivedIntoQuarantineOnItsPage() {
        String sku = "CFRIQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "Tahini", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "receivingStatus", "QUARANTINE",
                "specs", List.of(Map.of("test", "moisture", "unit", "%", "max", 1)))).status()).isEqualTo(201);
        var received = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "Levant Foods Ltd",
                "supplierLotNumber", "LF-" + sku.substring(6), "receiptDate", "2025-01-28", "location", "Cold store 1",
                "lines", List.of(Map.of("quantity", 250, "expirationDate", "2025-12-31"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String lot = received.json().get("lots").get(0).get("lotNumber").asText();

        ConsoleSession sarah = ConsoleSession.login(port, "sarah");
        ConsoleSession.Page page = sarah.get("/console/lots/" + lot);
        assertThat(page.html()).contains("id=\"lab-panel\"").contains("moisture = ");
        // "What you may do" sends her to it first (new user 17 F12)
        assertThat(page.html()).contains("id=\"next-lab\"").contains("href=\"#lab-panel\"");
        assertThat(ConsoleSession.login(port, "tom").get("/console/lots/" + lot).html()).doesNotContain("id=\"lab-panel\"");
        ConsoleSession.Page unreadable = sarah.post("/console/lots/" + lot + "/lab-results", Map.of("labResults",
                "moisture = low"));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.html()).contains("data-field=\"labResults\"").contains("id=\"lab-problem\"")
                .contains("moisture = low");
        assertThat(api.get("sarah", "/api/lots/" + lot + "/lab-results").status()).as("nothing recorded").isEqualTo(404);
        ConsoleSession.Page recorded = sarah.post("/console/lots/" + lot + "/lab-results", Map.of("labResults",
                "moisture = 0.4"));
        assertThat(recorded.status()).as(recorded.html()).isEqualTo(302);
        var verdict = api.get("sarah", "/api/lots/" + lot + "/lab-results").json();
        assertThat(verdict.get("passed").asBoolean()).isTrue();
        assertThat(verdict.get("recordedBy").asText()).isEqualTo("sarah");
        assertThat(sarah.get("/console/lots/" + lot).html()).doesNotContain("id=\"lab-panel\"").contains("id=\"lab\"")
                .doesNotContain("id=\"next-lab\"");
    }

    @Test
    void aProductsCategoryRetentionReceivingStatusAndGtinAreTheApisFields() {
        String sku = "CFCAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        mike.get("/console/products");
        Map<String, String> f = new LinkedHashMap<>(Map.of("sku", sku, "name", "Olive oil", "unit", "bottles",
                "shelfLifeMonths", "18", "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", "acidity % - 0.8",
                "category", "FOOD", "retentionYears", "0", "receivingStatus", "QUARANTINE", "gtin", ""));
        ConsoleSession.Page zero = mike.post("/console/products", f);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.html()).contains("data-field=\"retentionYears\"").contains("value=\"Olive oil\"")
                // named by the form's label (new user round 25 N7)
                .contains("Retention in years beyond expiration: ")
                // the choices in words, their values the API's (new user round 25 N6: "QUARANTINE: held, ...")
                .contains("value=\"PENDING\">Pending: incoming inspection (lab release)</option>")
                .contains("value=\"QUARANTINE\" selected=\"selected\">In quarantine: held, a QA manager decides</option>")
                .doesNotContain("QUARANTINE: held");
        // a specification line refused names the field as the form labels it, not "Specs" (new user round 25 N7)
        f.put("specs", "water content % - 0.05");
        ConsoleSession.Page spec = mike.post("/console/products", f);
        assertThat(spec.status()).isEqualTo(400);
        assertThat(spec.html()).contains("data-field=\"specs\"").contains("Specification: line 1 &#39;water content")
                .doesNotContain("Specs:");
        f.put("specs", "acidity % - 0.8");
        f.put("retentionYears", "");
        f.put("category", "COSMETICS");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"category\"");
        f.put("category", "FOOD");
        f.put("gtin", "614141250058");
        ConsoleSession.Page checkDigit = mike.post("/console/products", f);
        assertThat(checkDigit.status()).isEqualTo(400);
        assertThat(checkDigit.html()).contains("data-field=\"gtin\"");
        f.put("gtin", "");
        assertThat(api.call("mike", "mike", org.springframework.http.HttpMethod.GET, "/api/products/" + sku, null,
                "application/json").status()).as("nothing defined").isEqualTo(404);
        assertThat(mike.post("/console/products", f).status()).isEqualTo(302);
        var product = api.get("mike", "/api/products/" + sku).json();
        assertThat(product.get("category").asText()).isEqualTo("FOOD");
        assertThat(product.get("retentionYears").asInt()).isEqualTo(3);
        assertThat(product.get("receivingStatus").asText()).isEqualTo("QUARANTINE");
    }

    @Test
    void rachelStartsAMockRecallDrillAndOnlyRecallCoordinatorsMay() {
        String drillSku = api.createProduct("CFDRL");
        String lot = api.releasedLot(drillSku, new BigDecimal("100"), "2025-01-05");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Drill Customer",
                "sku", drillSku, "quantity", 30)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of()).status()).isEqualTo(201);
        String unit = api.get("mike", "/api/lots/" + lot).json().get("unit").asText();
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/drills").status()).as("as GET /api/mock-recalls").isEqualTo(403);
        assertThat(tom.get("/console/lots/" + lot).html()).doesNotContain("id=\"lot-drill-form\"");
        assertThat(tom.post("/console/drills", Map.of("lotNumber", lot)).status()).isEqualTo(403);
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        assertThat(jennifer.get("/console/drills").html()).as("QA managers read drills, never start one")
                .contains("id=\"drills\"").doesNotContain("id=\"drill-form\"");
        assertThat(jennifer.post("/console/drills", Map.of("lotNumber", lot)).status()).isEqualTo(403);

        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        assertThat(rachel.get("/console/lots/" + lot).html()).contains("id=\"lot-drill-form\"");
        ConsoleSession.Page empty = rachel.post("/console/drills", Map.of("lotNumber", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.html()).contains("data-field=\"lotNumber\"");
        ConsoleSession.Page unknown = rachel.post("/console/drills", Map.of("lotNumber", "NO-SUCH-LOT-1"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.html()).contains("id=\"form-problem\"").contains("value=\"NO-SUCH-LOT-1\"");

        assertThat(rachel.postRaw("/console/drills", Map.of("lotNumber", lot)).status()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(rachel.get("/console/drills").html()).doesNotContain(">" + lot + "<");
        ConsoleSession.Page started = rachel.post("/console/drills", Map.of("lotNumber", lot));
        assertThat(started.status()).as(started.html()).isEqualTo(302);
        String path = started.location().substring(started.location().indexOf("/console/drills/"));
        String number = path.substring("/console/drills/".length(), path.indexOf('?'));
        String page = rachel.get(path).html();
        // the status in words, its code kept for the page's readers (new user 2026-12-07 F10)
        assertThat(page).contains("id=\"drill-started-notice\"").contains("data-status=\"IN_PROGRESS\"")
                .contains(">In progress</span>").contains(lot)
                .contains("id=\"mass-balance\"").contains("Review drill scope").contains("/console/drills/"
                        + number + "/pdf")
                // the lot's part and status in words, codes kept as data (new user round 24 N7: "DRILLED", "RECALLED")
                .contains("data-role=\"DRILLED\">Drilled lot</td>").contains("data-status=\"RELEASED\">Released</td>")
                .doesNotContain(">DRILLED<").doesNotContain(">RELEASED<")
                // the four figures the customers' column names (new user 26 F4: two of them, under a header of four)
                .contains(lot + ": 30 " + unit + " shipped, none received back, none destroyed at the customer, 30 "
                        + unit + " still at the customer");
        ConsoleSession.Page pdf = rachel.get("/console/drills/" + number + "/pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.html()).startsWith("%PDF");
        assertThat(rachel.get("/console/drills").html()).contains("data-drill=\"" + number + "\"")
                .contains("Elapsed (min, a begun minute counts)"); // new user 26 F7
        assertThat(jennifer.get("/console/drills/" + number).status()).isEqualTo(200);
        assertThat(tom.get("/console/drills/" + number).status()).isEqualTo(403);
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).as("a drill changes nothing")
                .isEqualTo("RELEASED");
    }

    @Test
    void tomShipsASerialisedOrderNamingItsSerialsAndAMissingOrUnknownSerialIsShownAtTheField() {
        String sku = "CFSN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "Infusion pump " + sku, "unit", "pcs",
                "shelfLifeMonths", 36, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "serialised", true,
                "serialPattern", "P{yy}-{seq:5}",
                "specs", java.util.List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "flashPoint", "unit", "°C", "min", 220)))).status()).isEqualTo(201);
        String lot = api.releasedLot(sku, new BigDecimal("4"), "2025-01-05");
        java.util.List<String> serials = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/serials").json().get("items")
                .forEach(i -> serials.add(i.get("serial").asText()));
        assertThat(serials).hasSize(4);
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", number, "customer", "City Hospital",
                "sku", sku, "quantity", 2)).status()).isEqualTo(201);
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/orders/" + number).html()).contains("id=\"serials\"");

        Map<String, String> f = new LinkedHashMap<>(Map.of("shippedAt", "", "carrier", "MedFreight", "serials", ""));
        ConsoleSession.Page none = tom.post("/console/orders/" + number + "/shipments", f);
        assertThat(none.status()).as(none.html()).isEqualTo(400);
        assertThat(none.html()).contains("data-field=\"serials\"");
        f.put("serials", serials.get(0) + "\nNO-SUCH-SERIAL");
        ConsoleSession.Page unknown = tom.post("/console/orders/" + number + "/shipments", f);
        assertThat(unknown.status()).as(unknown.html()).isIn(400, 409);
        assertThat(unknown.html()).contains("data-field=\"serials\"").contains("NO-SUCH-SERIAL");
        assertThat(api.get("tom", "/api/orders/" + number).json().get("shipped").decimalValue()).isZero();

        f.put("serials", serials.get(0) + ", " + serials.get(1));
        ConsoleSession.Page shipped = tom.post("/console/orders/" + number + "/shipments", f);
        assertThat(shipped.status()).as(shipped.html()).isEqualTo(302);
        assertThat(tom.get("/console/orders/" + number + "?shipped").html()).contains("id=\"shipped-notice\"")
                .contains(serials.get(0) + ", " + serials.get(1));
        assertThat(api.get("tom", "/api/serials/" + serials.get(1) + "?sku=" + sku).json().get("status").asText()).isEqualTo("SHIPPED");
        assertThat(api.get("tom", "/api/serials/" + serials.get(2) + "?sku=" + sku).json().get("status").asText()).isEqualTo("IN_STOCK");

        // the lot's page counts its serials per status and lists them with where each went
        String lotPage = tom.get("/console/lots/" + lot).html();
        assertThat(lotPage).contains("id=\"serial-counts\"").contains("2 in stock").contains("2 shipped")
                .contains("id=\"serials\"").contains(serials.get(3)).contains("City Hospital");
        assertThat(ConsoleSession.login(port, "demo").get("/console/lots/" + lot).status())
                .as("an administrator sees the lot without its serials").isEqualTo(200);
    }
    /**
     * New user 26 F5, F6: the product form makes a serialised product with its serial pattern (a pattern without the
     * box ticked refused in the form's words), the products page says which products are serialised and how; a unit's
     * serial typed into the lot list's "Lot number" box opens where the unit is (its lot, its customer and order), never
     * "There is no lot"; a serial several products have asks which product; the lot's page says its serials' statuses
     * in words.
     */
    @Test
    void mikeDefinesASerialisedProductAndAUnitsSerialTypedIntoTheLotBoxSaysWhereTheUnitIs() {
        String uid = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "CFSP" + uid;
        String pattern = "S" + uid + "-{seq:4}";
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        assertThat(mike.get("/console/products").html()).contains("id=\"serialised\"").contains("id=\"serialPattern\"")
                .containsPattern("id=\"product-IL-250-55GAL\"[\\s\\S]*?data-serialised=\"false\">not serialised</td>");
        Map<String, String> f = new LinkedHashMap<>(Map.of("sku", sku, "name", "Infusion pump", "unit", "pcs",
                "shelfLifeMonths", "36", "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", "viscosity cSt 245 255\nflashPoint °C 220 -",
                "serialPattern", pattern));
        ConsoleSession.Page unticked = mike.post("/console/products", f);
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.html()).contains("data-field=\"serialPattern\"")
                .contains("tick &#39;Serialised&#39; with it").doesNotContain("send serialised: true");
        f.put("serialised", "true");
        f.put("serialPattern", "S" + uid + "-{seq:30}");
        ConsoleSession.Page tooLong = mike.post("/console/products", f);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.html()).contains("data-field=\"serialPattern\"").contains(" checked=\"checked\"");
        assertThat(api.call("mike", "mike", org.springframework.http.HttpMethod.GET, "/api/products/" + sku, null,
                "application/json").status()).as("nothing defined").isEqualTo(404);
        f.put("serialPattern", pattern);
        ConsoleSession.Page created = mike.post("/console/products", f);
        assertThat(created.status()).as(created.html()).isEqualTo(302);
        assertThat(api.get("mike", "/api/products/" + sku).json().get("serialised").asBoolean()).isTrue();
        assertThat(mike.get("/console/products").html()).contains("serialised: one per unit, made from " + pattern);

        String lot = api.releasedLot(sku, new BigDecimal("3"), "2025-01-05");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "St. Mary Hospital",
                "sku", sku, "quantity", 1)).status()).isEqualTo(201);
        String shippedSerial = "S" + uid + "-0002";
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of("serials", List.of(shippedSerial)))
                .status()).isEqualTo(201);

        ConsoleSession tom = ConsoleSession.login(port, "tom");
        ConsoleSession.Page typed = tom.get("/console/lots?lotNumber=" + shippedSerial.toLowerCase());
        assertThat(typed.status()).isEqualTo(302);
        assertThat(typed.location()).endsWith("/console/serials/" + shippedSerial);
        String unit = tom.get("/console/serials/" + shippedSerial).html();
        assertThat(unit.replaceAll("\\s+", " ")).contains("is a serial of lot <a id=\"serial-lot\"")
                .contains(">" + lot + "</a>").contains("data-status=\"SHIPPED\">shipped</span>")
                .contains("Shipped: to St. Mary Hospital on order " + order + " on ")
                .contains("id=\"serial-order\"").doesNotContain("There is no lot");
        assertThat(tom.get("/console/serials/S" + uid + "-0003").html()).contains("In stock: at the plant, in lot " + lot);
        ConsoleSession.Page none = tom.get("/console/lots?lotNumber=S" + uid + "-0009");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.html()).contains("There is no lot or serial &#39;S" + uid + "-0009&#39;");
        assertThat(tom.get("/console/lots/" + lot).html()).contains("2 in stock").contains("1 shipped")
                .doesNotContain("IN_STOCK<").doesNotContain(">SHIPPED<");

        // the same serial on another product's unit: the page asks which product, each a link
        String other = sku + "B";
        assertThat(api.post("mike", "/api/products", Map.of("sku", other, "name", "Infusion pump B", "unit", "pcs",
                "shelfLifeMonths", 36, "lotNumberPattern", other + "-{yyyy}-{seq:3}", "serialised", true,
                "serialPattern", pattern, "specs", List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245,
                        "max", 255), Map.of("test", "flashPoint", "unit", "°C", "min", 220)))).status()).isEqualTo(201);
        api.releasedLot(other, new BigDecimal("1"), "2025-01-05");
        String both = "S" + uid + "-0001";
        assertThat(tom.get("/console/lots?lotNumber=" + both).location()).endsWith("/console/serials/" + both);
        ConsoleSession.Page several = tom.get("/console/serials/" + both);
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.html()).contains("id=\"serial-several\"").contains("?sku=" + sku + "\"")
                .contains("?sku=" + other + "\"");
        assertThat(tom.get("/console/serials/" + both + "?sku=" + other).html()).contains("In stock");
    }
}
