package org.lotflow.trace;

import org.lotflow.shared.RefusalStatus;

import org.lotflow.shared.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.lotflow.lot.Genealogies;
import org.lotflow.lot.internal.GenealogyQueries;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 9, input 8: a genealogy deeper than {@code lotflow.trace.max-depth}. The trace says it was
 * cut, and a recall's scope is refused rather than silently leaving the deeper lots (and their
 * customers) out. A chain 1 -> 2 -> 3 -> 4 with the bound at 2 and at 3, on plain H2.
 */
class TraceDepthTest {

    private NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void chainOfFourLots() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:trace-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1");
        jdbc = new NamedParameterJdbcTemplate(db);
        var sql = jdbc.getJdbcTemplate();
        sql.execute("CREATE TABLE product (id BIGINT PRIMARY KEY, sku VARCHAR(64), name VARCHAR(200), unit VARCHAR(32))");
        sql.execute("CREATE TABLE lot (id BIGINT PRIMARY KEY, lot_number VARCHAR(64), product_id BIGINT, status VARCHAR(16),"
                + " quantity NUMERIC(19,3), allocated NUMERIC(19,3), shipped NUMERIC(19,3), consumed NUMERIC(19,3),"
                + " disposed NUMERIC(19,3), location VARCHAR(200), manufacture_date DATE)");
        sql.execute("CREATE TABLE lot_source (lot_id BIGINT, source_lot_id BIGINT, quantity NUMERIC(19,3))");
        sql.update("INSERT INTO product VALUES (1, 'P', 'Product', 'kg')");
        for (int i = 1; i <= 4; i++) {
            sql.update("INSERT INTO lot VALUES (?, ?, 1, 'RELEASED', 10, 0, 0, 0, 0, 'A', DATE '2025-01-01')", i, "L-" + i);
        }
        for (int i = 2; i <= 4; i++) {
            sql.update("INSERT INTO lot_source VALUES (?, ?, 1)", i, i - 1);
        }
    }

    private TraceService bound(int maxDepth) {
        return new TraceService(new Genealogies(new GenealogyQueries(jdbc)), null, null, null, maxDepth, null);
    }

    @Test
    void aWalkStoppedByTheBoundSaysSoAndARecallScopeIsRefused() {
        TraceService shallow = bound(2);
        assertThat(shallow.walk(List.of(1L), Direction.DOWNSTREAM)).extracting(Trace.TracedLot::lotNumber)
                .containsExactly("L-1", "L-2", "L-3");
        assertThat(shallow.isCut(List.of(1L), Direction.DOWNSTREAM)).isTrue();
        Refusal refused = catchThrowableOfType(Refusal.class,
                () -> shallow.walkWhole(List.of(1L), Direction.DOWNSTREAM));
        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(refused.getMessage()).contains("deeper than 2 levels").contains("lotflow.trace.max-depth");
        assertThat(shallow.isCut(List.of(4L), Direction.UPSTREAM)).isTrue();
    }

    @Test
    void aWalkThatReachesTheEndIsWhole() {
        TraceService deep = bound(3);
        assertThat(deep.walkWhole(List.of(1L), Direction.DOWNSTREAM)).hasSize(4);
        assertThat(deep.isCut(List.of(1L), Direction.DOWNSTREAM)).isFalse();
        assertThat(deep.isCut(List.of(2L), Direction.DOWNSTREAM)).isFalse();
        assertThat(deep.isCut(List.of(4L), Direction.UPSTREAM)).isFalse();
    }
}
