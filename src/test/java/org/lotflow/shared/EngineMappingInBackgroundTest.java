package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;

import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * {@link EngineMappingInBackground}: an engine given the mapping parsed ahead runs on it, with its own
 * environment, and the mapping has every statement the engine's own parse has; an engine on another
 * database than the one parsed for parses its own. Standalone engines given their data source (as
 * Spring Boot gives it before the engine's {@code init()}) on private in-memory H2
 * databases, under names of their own (Camunda's registry keeps the API tests' "default").
 */
class EngineMappingInBackgroundTest {

    @Test
    void anEngineRunsOnTheMappingParsedAhead() {
        EngineMappingInBackground mapping = new EngineMappingInBackground();
        mapping.start("h2", "");
        ProcessEngineConfigurationImpl configuration = standalone(mapping);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            Configuration used = configuration.getSqlSessionFactory().getConfiguration();
            assertThat(mapping.handedOver()).isNotNull();
            assertThat(used).isSameAs(mapping.handedOver());
            assertThat(used.getEnvironment().getTransactionFactory()).isSameAs(configuration.getTransactionFactory());
            assertThat(used.getEnvironment().getDataSource()).isSameAs(configuration.getDataSource());
            assertThat(used.getDefaultStatementTimeout()).isEqualTo(configuration.getJdbcStatementTimeout());
            User user = engine.getIdentityService().newUser("mapping");
            user.setFirstName("Map");
            engine.getIdentityService().saveUser(user);
            assertThat(engine.getIdentityService().createUserQuery().userId("mapping").singleResult().getFirstName())
                    .isEqualTo("Map");
            assertThat(engine.getRepositoryService().createDeploymentQuery().listPage(0, 10)).isEmpty();
        } finally {
            engine.close();
        }
    }

    @Test
    void anEngineOnAnotherDatabaseParsesItsOwnWithTheSameStatements() throws Exception {
        EngineMappingInBackground mapping = new EngineMappingInBackground();
        mapping.start("postgres", "");
        ProcessEngineConfigurationImpl configuration = standalone(mapping);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            assertThat(mapping.handedOver()).isNull();
            Configuration own = configuration.getSqlSessionFactory().getConfiguration();
            assertThat(engine.getIdentityService().createUserQuery().count()).isZero();
            assertThat(new HashSet<>(EngineMappingInBackground.parse("h2", "").getMappedStatementNames()))
                    .isEqualTo(new HashSet<>(own.getMappedStatementNames()));
        } finally {
            engine.close();
        }
    }

    @Test
    void theDatabaseTypeComesFromTheJdbcUrlOfTheTwoDatabases() {
        assertThat(EngineMappingInBackground.databaseType("jdbc:h2:file:./data/lotflow")).isEqualTo("h2");
        assertThat(EngineMappingInBackground.databaseType("jdbc:postgresql://127.0.0.1:5432/lotflow"))
                .isEqualTo("postgres");
        assertThat(EngineMappingInBackground.databaseType("jdbc:mysql://localhost/lotflow")).isNull();
        assertThat(EngineMappingInBackground.databaseType(null)).isNull();
    }

    private static ProcessEngineConfigurationImpl standalone(EngineMappingInBackground mapping) {
        String name = "mapping-" + UUID.randomUUID();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setDataSource(new PooledDataSource("org.h2.Driver", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                        "sa", ""))
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setProcessEngineName(name)
                .setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(mapping);
        return configuration;
    }
}
