package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@link QueryExpressions}: the query functions written alone pass; anything else, at any depth, is named. */
class QueryExpressionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyTheQueryFunctionOfTheFieldsTypeWrittenAlonePasses() {
        assertThat(QueryExpressions.allowed("assigneeExpression", "${currentUser()}")).isTrue();
        assertThat(QueryExpressions.allowed("candidateGroupsExpression", "${ currentUserGroups() }")).isTrue();
        assertThat(QueryExpressions.allowed("dueBeforeExpression", "${now()}")).isTrue();
        assertThat(QueryExpressions.allowed("followUpAfterExpression", "${dateTime().plusDays(2).minusHours(1).toDate()}"))
                .isTrue();
        // a function of another type failed in the engine with a 500 (re-test 2026-12-06 Y3)
        assertThat(QueryExpressions.allowed("assigneeExpression", "${now()}")).isFalse();
        assertThat(QueryExpressions.allowed("candidateGroupsExpression", "${currentUser()}")).isFalse();
        assertThat(QueryExpressions.allowed("dueBeforeExpression", "${currentUserGroups()}")).isFalse();
        assertThat(QueryExpressions.allowed("processInstanceBusinessKeyExpression", "${currentUser()}")).isFalse();
        assertThat(QueryExpressions.allowed("assigneeExpression", "${lotService.changeStatus('X')}")).isFalse();
        assertThat(QueryExpressions.allowed("assigneeExpression", "${''.getClass().forName('java.lang.Runtime')}"))
                .isFalse();
        assertThat(QueryExpressions.allowed("assigneeExpression", "${currentUser()}${jdbcTemplate}")).isFalse();
        assertThat(QueryExpressions.allowed("assigneeExpression", "#{currentUser()}")).isFalse();
        assertThat(QueryExpressions.allowed("dueBeforeExpression", "${dateTime().plusDays(holds)}")).isFalse();
        assertThat(QueryExpressions.allowed("assigneeExpression", "sarah")).as("a plain value in an expression field")
                .isFalse();
    }

    @Test
    void theFirstForbiddenExpressionIsNamedByItsPathAtAnyDepth() throws Exception {
        assertThat(QueryExpressions.refusedAt(JSON.readTree("{\"assigneeExpression\":\"${currentUser()}\","
                + "\"candidateGroup\":\"sales\",\"orQueries\":[{\"dueBeforeExpression\":\"${now()}\"}]}"))).isNull();
        assertThat(QueryExpressions.refusedAt(JSON.readTree("{\"orQueries\":[{\"assignee\":\"x\"},"
                + "{\"assigneeExpression\":\"${holds.hold('L', 'r', 'OTHER', 'x')}nobody\"}]}")))
                .isEqualTo("orQueries[1].assigneeExpression");
        assertThat(QueryExpressions.refusedAt(JSON.readTree("{\"resourceType\":\"Task\",\"query\":"
                + "{\"ASSIGNEEEXPRESSION\":\"${runtimeService}\"}}"))).isEqualTo("query.ASSIGNEEEXPRESSION");
        assertThat(QueryExpressions.refusedAt(JSON.readTree("{\"query\":{\"candidateGroupsExpression\":[1]}}")))
                .as("not text").isEqualTo("query.candidateGroupsExpression");
        assertThat(QueryExpressions.refusedAt(JSON.readTree("{\"description\":\"${anything}\"}")))
                .as("a text that is no expression field is the engine's to keep").isNull();
        assertThat(QueryExpressions.refusedParameter(Map.of("assigneeExpression", new String[] {"${jdbcTemplate}"})))
                .isEqualTo("assigneeExpression");
        assertThat(QueryExpressions.refusedParameter(Map.of("assigneeExpression", new String[] {"${currentUser()}"})))
                .isNull();
    }
}
