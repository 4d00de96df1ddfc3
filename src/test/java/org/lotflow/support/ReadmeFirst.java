package org.lotflow.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the test classes in the PostgreSQL tests' JVM (surefire execution
 * {@code postgres-integration-tests}, configuration parameter {@code junit.jupiter.testclass.order.default}):
 * the classes tagged {@code readme} ({@code ReadmeCommandsIT}) first, every other class after them in the
 * order it was found. {@code ReadmeCommandsIT} runs the README's {@code /engine-rest} calls against an
 * application of its own whose engine is called "default", like the engine of the shared PostgreSQL test
 * context ({@link PostgresApiTest}); Camunda registers engines by name in a static registry, so the two may
 * not be open at once. Run first, with its context closed after it ({@code @DirtiesContext}), it needs no JVM
 * of its own: the JVM's start, class loading and JIT warm-up serve both (README, "Development", suite wall
 * time). A stable sort: the relative order of the other classes is unchanged.
 */
public class ReadmeFirst implements ClassOrderer {

    /** The tag of the classes that run first. */
    static final String FIRST = "readme";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(c -> isFirst(c.getTestClass()) ? 0 : 1));
    }

    private static boolean isFirst(Class<?> testClass) {
        for (org.junit.jupiter.api.Tag tag : testClass.getAnnotationsByType(org.junit.jupiter.api.Tag.class)) {
            if (FIRST.equals(tag.value())) {
                return true;
            }
        }
        return false;
    }
}
