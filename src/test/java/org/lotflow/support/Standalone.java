package org.lotflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that needs neither the shared API test context ({@link ApiTest}) nor PostgreSQL: the
 * architecture tests (they read the compiled classes), the BPMN process tests (an in-memory engine called
 * {@code process-tests}, {@link ProcessTest}) and the first-administrator tests (an engine or an application
 * of their own, never called "default"). Tag {@code standalone}: Maven runs them in the PostgreSQL tests' JVM
 * (surefire execution {@code postgres-integration-tests}), which {@code tools/test.sh} runs beside the H2 API
 * tests, so their tens of seconds are off the suite's critical path. Inherited: a subclass of an annotated base is
 * tagged too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("standalone")
public @interface Standalone {
}
