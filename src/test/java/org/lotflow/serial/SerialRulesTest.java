package org.lotflow.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.serial.internal.SerialRules;
import org.lotflow.shared.InvalidInput;

/** The serial rules without Spring: what a serial is, lists, whole units, and the serial a unique key names. */
class SerialRulesTest {

    @Test
    void aSerialIsOneToTwentyOfTheLotNumberCharacters() {
        assertThat(SerialRules.problem("SN-2025_0001.a")).isNull();
        assertThat(SerialRules.problem("X".repeat(20))).isNull();
        assertThat(SerialRules.problem("X".repeat(21))).contains("at most 20");
        assertThat(SerialRules.problem("")).contains("empty");
        assertThat(SerialRules.problem(null)).contains("empty");
        assertThat(SerialRules.problem("SN 1")).contains("only contain");
        assertThat(SerialRules.problem("SN/1")).contains("only contain");
    }

    @Test
    void aListNamesTheFirstBadOrRepeatedSerial() {
        InvalidInput twice = catchThrowableOfType(InvalidInput.class,
                () -> SerialRules.checkList(List.of("A", "B", "A"), "serials", 10));
        assertThat(twice.field()).isEqualTo("serials[2]");
        assertThat(twice.getMessage()).contains("serials[0]");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> SerialRules.checkList(List.of("A", "B C"),
                "serials", 10)).field()).isEqualTo("serials[1]");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> SerialRules.checkList(List.of(), "serials", 10))
                .field()).isEqualTo("serials");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> SerialRules.checkList(List.of("A", "B", "C"),
                "serials", 2)).getMessage()).contains("at most 2");
    }

    @Test
    void aSerialisedLotHoldsWholeUnitsUpToTheLimit() {
        assertThat(SerialRules.wholeUnits(new BigDecimal("12.000"), "quantity", "P", 100)).isEqualTo(12);
        assertThat(SerialRules.wholeUnits(new BigDecimal("100"), "quantity", "P", 100)).isEqualTo(100);
        assertThat(catchThrowableOfType(InvalidInput.class, () -> SerialRules.wholeUnits(new BigDecimal("1.5"),
                "quantity", "P", 100)).getMessage()).contains("whole units");
        assertThat(catchThrowableOfType(InvalidInput.class, () -> SerialRules.wholeUnits(new BigDecimal("101"),
                "quantity", "P", 100)).getMessage()).contains("at most 100");
    }

    @Test
    void theSerialAUniqueKeyViolationNamesIsFoundInBothDatabasesWording() {
        List<String> serials = List.of("SN-1", "SN-2");
        assertThat(SerialRegistration.takenIn("ERROR: duplicate key value violates unique constraint "
                + "\"uk_serial_number_product_serial\"\n  Detail: Key (product_id, serial)=(12, SN-2) already exists.",
                serials)).isEqualTo("SN-2");
        assertThat(SerialRegistration.takenIn("Unique index or primary key violation: \"PUBLIC."
                + "UK_SERIAL_NUMBER_PRODUCT_SERIAL_INDEX_A ON PUBLIC.SERIAL_NUMBER(PRODUCT_ID NULLS FIRST, SERIAL NULLS"
                + " FIRST) VALUES ( /* 3 */ CAST(12 AS BIGINT), 'SN-1' )\"", serials)).isEqualTo("SN-1");
        assertThat(SerialRegistration.takenIn("something else", serials)).isNull();
    }
}
