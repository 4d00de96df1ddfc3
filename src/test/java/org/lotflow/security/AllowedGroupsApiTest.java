package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A user outside an API write's groups gets 403 before the body is read: never 400 field errors that tell them what
 * the request needs (audit finding 2026-12-05: sales posting an invalid lot got 400).
 */
@ApiTest
class AllowedGroupsApiTest {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    TestClient api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiWriteNamesWhoMayCallIt() {
        List<String> writes = new ArrayList<>();
        List<String> ungated = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            boolean api = info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            boolean write = info.getMethodsCondition().getMethods().stream().anyMatch(WRITES::contains);
            if (api && write) {
                writes.add(info.toString());
                if (e.getValue().getMethodAnnotation(AllowedGroups.class) == null) {
                    ungated.add(info.toString());
                }
            }
        }
        assertThat(writes).hasSizeGreaterThanOrEqualTo(17);
        assertThat(ungated).as("API writes without @AllowedGroups").isEmpty();
    }

    /** Each write, a user outside its groups and a member of them, with the same unreadable body. */
    @Test
    void anOutsiderIsRefusedBeforeTheBodyIsReadAMemberLearnsWhatIsWrong() {
        record Write(String path, String outsider, String member) {
        }
        List<Write> writes = List.of(
                new Write("/api/lots", "tom", "mike"),
                new Write("/api/receipts", "sarah", "mike"),
                new Write("/api/products", "rachel", "mike"),
                new Write("/api/lots/NO-SUCH-LOT/serials", "jennifer", "mike"),
                new Write("/api/lots/NO-SUCH-LOT/lab-results", "tom", "sarah"),
                new Write("/api/lots/NO-SUCH-LOT/holds", "mike", "sarah"),
                new Write("/api/lots/NO-SUCH-LOT/disposition", "sarah", "jennifer"),
                new Write("/api/orders", "mike", "tom"),
                new Write("/api/orders/NO-SUCH-ORDER/shipments", "rachel", "tom"),
                new Write("/api/recalls", "jennifer", "rachel"),
                new Write("/api/recalls/NO-SUCH-RECALL/notifications", "tom", "rachel"),
                new Write("/api/recalls/NO-SUCH-RECALL/close", "rachel", "jennifer"),
                new Write("/api/mock-recalls", "jennifer", "rachel"),
                new Write("/api/mock-recalls/NO-SUCH-DRILL/review", "sarah", "rachel"),
                new Write("/api/mock-recalls/NO-SUCH-DRILL/close", "mike", "rachel"));
        for (Write w : writes) {
            Response outsider = api.call(w.outsider(), HttpMethod.POST, w.path(), "{\"quantity\": ");
            assertThat(outsider.status()).as(w.outsider() + " POST " + w.path() + ": " + outsider).isEqualTo(403);
            assertThat(outsider.isProblem()).as(outsider.toString()).isTrue();
            assertThat(outsider.json().path("detail").asText()).contains(w.outsider()).containsAnyOf("may not do this",
                    "is not one");
            Response member = api.call(w.member(), HttpMethod.POST, w.path(), "{\"quantity\": ");
            assertThat(member.status()).as(w.member() + " POST " + w.path() + ": " + member).isEqualTo(400);
        }
        // every record of a role is its members' own: an administrator is refused as an outsider is, before the body
        // is read (lab results and dispositions since 2026-12-05; lots, receipts, products, serials, holds, orders,
        // shipments, recalls, customers' answers, drills since auditor 2026-12-06 B6: an IT administrator opened a
        // recall and set a product's acceptance criteria)
        for (Write w : writes) {
            Response admin = api.call("demo", HttpMethod.POST, w.path(), "{\"quantity\": ");
            assertThat(admin.status()).as("demo POST " + w.path() + ": " + admin).isEqualTo(403);
            assertThat(admin.json().path("detail").asText()).startsWith("Only ").contains(" may ")
                    .contains("demo is not one (administering lotflow does not make one a member of its roles)");
        }
        assertThat(api.call("demo", HttpMethod.DELETE, "/api/orders/NO-SUCH-ORDER", null).status()).isEqualTo(403);
        Response cancel = api.call("mike", HttpMethod.DELETE, "/api/orders/NO-SUCH-ORDER", null);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(403);
        assertThat(api.call("tom", HttpMethod.DELETE, "/api/orders/NO-SUCH-ORDER", null).status()).isEqualTo(404);
        Response unlock = api.call("jennifer", HttpMethod.DELETE, "/api/security/lockouts/tom", null);
        assertThat(unlock.status()).as(unlock.toString()).isEqualTo(403);
    }
}
