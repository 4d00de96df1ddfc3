package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The one rule behind the closing form's CHECK remarks and the recall impact report's check. */
class ReturnCheckTest {

    private static BigDecimal q(String v) {
        return new BigDecimal(v);
    }

    @Test
    void goodsAgainstTheAnswer() {
        assertThat(ReturnCheck.of(true, false, q("25.000"), q("20"))).isEqualTo(ReturnCheck.DIFFERS);
        assertThat(ReturnCheck.of(true, false, q("25.000"), q("25"))).isEqualTo(ReturnCheck.NONE);
        assertThat(ReturnCheck.of(true, false, null, q("5"))).isEqualTo(ReturnCheck.NONE);
        assertThat(ReturnCheck.of(true, true, null, q("3"))).isEqualTo(ReturnCheck.FROM_NOT_REACHED);
        assertThat(ReturnCheck.of(true, true, null, BigDecimal.ZERO)).isEqualTo(ReturnCheck.NONE);
        assertThat(ReturnCheck.of(false, false, null, q("10"))).isEqualTo(ReturnCheck.BEFORE_ANSWER);
        assertThat(ReturnCheck.of(false, false, null, null)).isEqualTo(ReturnCheck.NONE);
    }
}
