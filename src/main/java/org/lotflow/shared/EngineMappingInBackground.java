package org.lotflow.shared;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Camunda's MyBatis mapping parsed on a thread of its own (issue #11, target 6: start-up). The engine
 * reads its SQL mapping (one configuration and 56 mapper XML files, evaluated with the JDK's XPath)
 * when it is built, on the main thread, after Flyway: 4-5 s of a cold start (JFR, 2026-12-04; the bare
 * Camunda application pays the same). The mapping depends on nothing but the database type and the
 * table prefix, so this parses it from the moment the application context is prepared (an
 * {@link ApplicationListener} registered in {@code META-INF/spring.factories}, before the context is
 * refreshed), with the type read from {@code spring.datasource.url} ({@code jdbc:h2:} is Camunda's
 * {@code h2}, {@code jdbc:postgresql:} its {@code postgres}) and the prefix from
 * {@code camunda.bpm.database.table-prefix}, while the main thread reads the configuration classes, runs
 * Flyway and starts the web layer.
 *
 * <p>As a {@link ProcessEnginePlugin} (the last one) it hands the result to the engine: before the
 * engine's {@code init()} it has the engine find its database type the engine's own way
 * ({@code initDatabaseType()}, from the connection's metadata) and gives it the parsed mapping only
 * when type and prefix are the ones parsed for; the engine then skips its own parse
 * ({@code initSqlSessionFactory} builds only when it has no factory). After {@code init()} (before the
 * engine's first statement, its schema check) the mapping gets what the engine's own parse would have
 * set: the environment (the engine's transaction factory and data source), the statement timeout and
 * the batch executor when JDBC batching is on. In every other case (another database, another prefix,
 * Camunda's shared factory, a failed parse) the engine parses as before, on the main thread, and a
 * mapping that cannot be parsed stops the start-up as before. {@code lotflow.startup.engine-mapping-ahead=false}
 * switches this off.
 */
public final class EngineMappingInBackground implements ApplicationListener<ApplicationPreparedEvent>,
        ProcessEnginePlugin, Ordered {

    /** {@code false} leaves the parse to the engine, on the main thread (to compare start-ups). */
    static final String SWITCH = "lotflow.startup.engine-mapping-ahead";

    /** The bean this registers itself as. */
    static final String BEAN_NAME = "engineMappingInBackground";

    /** Camunda's mapping, as {@code ProcessEngineConfigurationImpl.getMyBatisXmlConfigurationSteam()} reads it. */
    static final String MAPPING = "org/camunda/bpm/engine/impl/mapping/mappings.xml";

    private static final Logger log = LoggerFactory.getLogger(EngineMappingInBackground.class);

    private CompletableFuture<Parsed> pending;
    private Parsed adopted;
    private volatile Configuration handedOver;

    /** A parsed mapping and what it was parsed for. */
    record Parsed(String databaseType, String tablePrefix, Configuration configuration) {
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Once the context is prepared (its environment complete, initializers applied: a test's database URL
     * included), before it is refreshed: starts the parse and registers this as a bean, so the process
     * engine finds it among its plugins.
     */
    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (!environment.getProperty("camunda.bpm.enabled", Boolean.class, true)
                || !environment.getProperty(SWITCH, Boolean.class, true)) {
            return;
        }
        String databaseType = databaseType(environment.getProperty("spring.datasource.url"));
        if (databaseType == null) {
            return;
        }
        start(databaseType, environment.getProperty("camunda.bpm.database.table-prefix", ""));
        event.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, this);
    }

    /** Starts parsing the mapping for this database type and table prefix on a thread of its own. */
    void start(String databaseType, String prefix) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<Parsed> parse = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                parse.complete(new Parsed(databaseType, prefix, parse(databaseType, prefix)));
            } catch (Throwable e) {
                parse.completeExceptionally(e);
            }
        }, "engine-mapping");
        thread.setContextClassLoader(loader);
        thread.setDaemon(true);
        pending = parse;
        thread.start();
    }

    /** Camunda's database type for a JDBC URL of the two databases lotflow runs on; null for any other. */
    static String databaseType(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        return null;
    }

    /**
     * What {@code ProcessEngineConfigurationImpl.initSqlSessionFactory()} parses (without a shared factory):
     * the mapping (read as the engine reads it) with the properties {@code prefix} and the database's
     * specifics, no environment yet.
     */
    static Configuration parse(String databaseType, String prefix) throws Exception {
        try (InputStream in = ReflectUtil.getResourceAsStream(MAPPING);
                Reader reader = new InputStreamReader(Objects.requireNonNull(in, MAPPING))) {
            Properties properties = new Properties();
            properties.put("prefix", prefix);
            ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, prefix, databaseType);
            return new XMLConfigBuilder(reader, "", properties).parse();
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CompletableFuture<Parsed> parse = pending;
        pending = null;
        if (parse == null || configuration.isUseSharedSqlSessionFactory() || configuration.getSqlSessionFactory() != null
                || configuration.getDataSource() == null) {
            return;
        }
        if (configuration.getDatabaseType() == null) {
            configuration.initDatabaseType();
        }
        Parsed parsed;
        try {
            parsed = parse.join();
        } catch (CompletionException e) {
            log.debug("The engine's mapping is parsed by the engine itself", e);
            return;
        }
        if (!matches(parsed, configuration)) {
            log.info("Engine mapping parsed for {} (prefix '{}'), the engine runs on {} (prefix '{}'): it parses its own",
                    parsed.databaseType(), parsed.tablePrefix(), configuration.getDatabaseType(),
                    configuration.getDatabaseTablePrefix());
            return;
        }
        configuration.setSqlSessionFactory(new DefaultSqlSessionFactory(parsed.configuration()));
        adopted = parsed;
        handedOver = parsed.configuration();
        log.info("Process engine mapping parsed ahead ({}) handed to the engine", parsed.databaseType());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Parsed parsed = adopted;
        adopted = null;
        if (parsed == null || configuration.getSqlSessionFactory() == null
                || configuration.getSqlSessionFactory().getConfiguration() != parsed.configuration()) {
            return;
        }
        if (!matches(parsed, configuration)) {
            throw new IllegalStateException("The process engine's database type or table prefix changed after its "
                    + "mapping was chosen: " + configuration.getDatabaseType() + ", '"
                    + configuration.getDatabaseTablePrefix() + "'");
        }
        Configuration mapping = parsed.configuration();
        mapping.setEnvironment(new Environment("default", configuration.getTransactionFactory(),
                configuration.getDataSource()));
        mapping.setDefaultStatementTimeout(configuration.getJdbcStatementTimeout());
        if (configuration.isJdbcBatchProcessing()) {
            mapping.setDefaultExecutorType(ExecutorType.BATCH);
        }
    }

    /** The mapping this handed to an engine (null when the engine parsed its own), for tests. */
    Configuration handedOver() {
        return handedOver;
    }

    private static boolean matches(Parsed parsed, ProcessEngineConfigurationImpl configuration) {
        return parsed.databaseType().equals(configuration.getDatabaseType())
                && parsed.tablePrefix().equals(Objects.toString(configuration.getDatabaseTablePrefix(), ""));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // nothing after the build
    }
}
