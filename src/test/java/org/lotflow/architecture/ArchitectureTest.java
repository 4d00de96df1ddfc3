package org.lotflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.Refusal;
import org.lotflow.support.Standalone;

/**
 * The layering inside every feature module (issue 10), checked on the compiled classes with ArchUnit:
 *
 * <ul>
 * <li>HTTP types ({@code org.springframework.http}, {@code org.springframework.web},
 * {@code jakarta.servlet}) appear only in a module's {@code internal.web} package (its controllers);</li>
 * <li>engine types ({@code org.camunda}) appear only in a module's {@code internal.process} package (its
 * listeners, delegates, typed variables and process adapters);</li>
 * <li>so the domain (entities, rules, use-case services, the module APIs) knows neither, and its
 * refusals ({@link Refusal}) are plain exceptions that {@code shared} maps to HTTP and the engine.</li>
 * </ul>
 *
 * <p>{@code security} (authentication, the engine surface guard), {@code shared} (the adapters that map
 * refusals, the clock, the deployer) and {@code demo} are infrastructure and exempt. Module boundaries
 * (APIs in the root package, {@code internal} hidden, no cycles) are checked by {@link ModulesTest}; table
 * ownership by {@link TableOwnershipTest}.
 */
@Standalone
class ArchitectureTest {

    static final JavaClasses LOTFLOW = importLotflow();

    /**
     * lotflow's own classes, without ArchUnit reading every library class they name from the class path (Spring,
     * Camunda, Hibernate): the rules need only those classes' names and lotflow's own hierarchy, and resolving the
     * libraries took most of this test's time (issue #11: suite time). Set back for the other tests of the JVM.
     */
    private static JavaClasses importLotflow() {
        com.tngtech.archunit.ArchConfiguration config = com.tngtech.archunit.ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.lotflow");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    static final String[] INFRASTRUCTURE = {"org.lotflow.security..", "org.lotflow.shared..", "org.lotflow.demo.."};

    static final String[] HTTP = {"org.springframework.http..", "org.springframework.web..", "jakarta.servlet.."};

    @Test
    void httpTypesOnlyInTheModulesWebAdapters() {
        noClasses().that(not(resideInAnyPackage(INFRASTRUCTURE))).and(not(resideInAnyPackage("..internal.web..")))
                .and().doNotHaveFullyQualifiedName("org.lotflow.LotflowApplication")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .because("the domain and its use cases speak lotflow's refusals, not HTTP (issue 10)")
                .check(LOTFLOW);
    }

    @Test
    void engineTypesOnlyInTheModulesProcessAdapters() {
        noClasses().that(not(resideInAnyPackage(INFRASTRUCTURE))).and(not(resideInAnyPackage("..internal.process..")))
                .and().doNotHaveFullyQualifiedName("org.lotflow.LotflowApplication")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("listeners, delegates and process adapters are the only bridge to Camunda (issue 10)")
                .check(LOTFLOW);
    }

    @Test
    void controllersLiveInWebAdapters() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .and().resideOutsideOfPackages(INFRASTRUCTURE)
                .should().resideInAPackage("..internal.web..").check(LOTFLOW);
    }

    @Test
    void listenersAndDelegatesLiveInProcessAdapters() {
        classes().that(assignableTo(org.camunda.bpm.engine.delegate.TaskListener.class)
                        .or(assignableTo(org.camunda.bpm.engine.delegate.JavaDelegate.class))
                        .or(assignableTo(org.camunda.bpm.engine.delegate.ExecutionListener.class)))
                .and().resideOutsideOfPackages(INFRASTRUCTURE)
                .should().resideInAPackage("..internal.process..").check(LOTFLOW);
    }

    @Test
    void refusalsKnowNeitherHttpNorTheEngine() {
        noClasses().that().areAssignableTo(Refusal.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "jakarta.servlet..", "org.camunda..", "jakarta.ws..")
                .check(LOTFLOW);
    }

    @Test
    void nobodyThrowsTheEnginesRefusalsOrHttpStatuses() {
        noClasses().that().resideOutsideOfPackages("org.lotflow.shared..", "org.lotflow.security..")
                .should().callConstructor(org.camunda.bpm.engine.BadUserRequestException.class, String.class)
                .orShould().callConstructor(org.springframework.web.server.ResponseStatusException.class,
                        org.springframework.http.HttpStatusCode.class, String.class)
                .because("refusals are lotflow's domain exceptions, mapped in one place (RefusalStatus)")
                .check(LOTFLOW);
    }
}
