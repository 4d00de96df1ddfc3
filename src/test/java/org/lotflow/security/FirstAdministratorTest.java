package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.lotflow.support.Standalone;

/**
 * The first administrator from the environment ({@link FirstAdministrator}) against a real Camunda
 * identity store (an in-memory engine of its own, no Spring): refused without one, created once,
 * idempotent on restart, never overriding an existing administrator, its password checked by the
 * policy and never shown. The cluster case (two nodes starting together) is in {@code ClusterStartupIT}.
 */
@Standalone
class FirstAdministratorTest {

    static final String GOOD = "Str0ng!Passw0rd";
    static ProcessEngine engine;
    static IdentityService identities;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setProcessEngineName("first-admin-tests");
        cfg.setJdbcUrl("jdbc:h2:mem:first-admin-tests;DB_CLOSE_DELAY=-1");
        cfg.setJobExecutorActivate(false);
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setDbMetricsReporterActivate(false);
        engine = cfg.buildProcessEngine();
        identities = engine.getIdentityService();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @BeforeEach
    void emptyIdentityStore() {
        identities.createUserQuery().list().forEach(u -> identities.deleteUser(u.getId()));
        identities.createGroupQuery().list().forEach(g -> identities.deleteGroup(g.getId()));
        Group admins = identities.newGroup(Groups.ADMIN);
        admins.setName("camunda BPM Administrators");
        admins.setType("SYSTEM");
        identities.saveGroup(admins);
    }

    static FirstAdministrator configured(String user, String password, boolean demoData) {
        return new FirstAdministrator(user, password, "lotflow", "Administrator", demoData);
    }

    @Test
    void noAdministratorAndNoneConfiguredRefusesTheStartInOneSentence() {
        assertThatThrownBy(() -> configured("", "", false).ensure(identities))
                .isInstanceOf(FirstAdministrator.Refused.class)
                .hasMessage("No administrator exists and none is configured: set LOTFLOW_ADMIN_USER and "
                        + "LOTFLOW_ADMIN_PASSWORD (properties lotflow.admin.user and lotflow.admin.password) to create "
                        + "the first one");
        assertThat(identities.createUserQuery().count()).isZero();
    }

    @Test
    void theFailureAnalyzerPrintsTheSentenceAndWhatToDo() {
        FirstAdministrator.Refused refused = new FirstAdministrator.Refused("No administrator exists and none is configured");
        FailureAnalysis analysis = new FirstAdministratorFailureAnalyzer()
                .analyze(new IllegalStateException("Failed to execute ApplicationRunner", refused));
        assertThat(analysis.getDescription()).isEqualTo("No administrator exists and none is configured");
        assertThat(analysis.getAction()).contains("LOTFLOW_ADMIN_USER", "LOTFLOW_ADMIN_PASSWORD");
    }

    @Test
    void withDemoDataTheDemoAdministratorIsLeftToComeAndNothingIsRefused() {
        assertThat(configured("", "", true).ensure(identities)).isEqualTo(FirstAdministrator.Outcome.LEFT_TO_DEMO_DATA);
    }

    @Test
    void theConfiguredAdministratorIsCreatedOnceInTheAdminGroupWithItsPassword() {
        assertThat(configured("root", GOOD, false).ensure(identities)).isEqualTo(FirstAdministrator.Outcome.CREATED);

        assertThat(identities.createUserQuery().userId("root").memberOfGroup(Groups.ADMIN).count()).isEqualTo(1);
        assertThat(identities.checkPassword("root", GOOD)).isTrue();
        assertThat(identities.createUserQuery().userId("root").singleResult().getLastName()).isEqualTo("Administrator");
    }

    @Test
    void aRestartWithTheSameOrAnotherPasswordChangesNothing() {
        configured("root", GOOD, false).ensure(identities);

        assertThat(configured("root", GOOD, false).ensure(identities)).isEqualTo(FirstAdministrator.Outcome.EXISTS);
        assertThat(configured("root", "An0ther!Passw0rd", false).ensure(identities)).isEqualTo(FirstAdministrator.Outcome.EXISTS);
        assertThat(configured("", "", false).ensure(identities)).isEqualTo(FirstAdministrator.Outcome.EXISTS);

        assertThat(identities.checkPassword("root", GOOD)).isTrue();
        assertThat(identities.checkPassword("root", "An0ther!Passw0rd")).isFalse();
        assertThat(identities.createUserQuery().count()).isEqualTo(1);
    }

    @Test
    void anExistingAdministratorIsNeverOverriddenNorJoinedByTheConfiguredOne() {
        configured("chief", GOOD, false).ensure(identities);

        assertThat(configured("root", "Other!Passw0rd1", false).ensure(identities)).isEqualTo(FirstAdministrator.Outcome.EXISTS);

        assertThat(identities.createUserQuery().userId("root").count()).isZero();
        assertThat(identities.checkPassword("chief", GOOD)).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedNamingTheRulesNeverThePassword() {
        assertThatThrownBy(() -> configured("root", "rootroot", false).ensure(identities))
                .isInstanceOf(FirstAdministrator.Refused.class)
                .hasMessageContaining("does not pass the password policy")
                .hasMessageContaining("at least 10 characters")
                .hasMessageContaining("digit")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("rootroot"));
        assertThat(identities.createUserQuery().count()).isZero();
    }

    @Test
    void aMissingPasswordOrAnInvalidUserIdIsRefused() {
        assertThatThrownBy(() -> configured("root", "", false).ensure(identities))
                .isInstanceOf(FirstAdministrator.Refused.class).hasMessageContaining("LOTFLOW_ADMIN_PASSWORD");
        assertThatThrownBy(() -> configured("root admin", GOOD, false).ensure(identities))
                .isInstanceOf(FirstAdministrator.Refused.class).hasMessageContaining("letters or digits");
        assertThat(identities.createUserQuery().count()).isZero();
    }

    @Test
    void anExistingUserWhoIsNoAdministratorIsNotPromotedSilently() {
        var user = identities.newUser("root");
        user.setPassword("whatever");
        identities.saveUser(user);

        assertThatThrownBy(() -> configured("root", GOOD, false).ensure(identities))
                .isInstanceOf(FirstAdministrator.Refused.class).hasMessageContaining("existing user 'root'");
        assertThat(identities.createUserQuery().memberOfGroup(Groups.ADMIN).count()).isZero();
        assertThat(identities.checkPassword("root", GOOD)).isFalse();
    }
}
