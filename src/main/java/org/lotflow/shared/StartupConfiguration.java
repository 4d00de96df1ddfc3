package org.lotflow.shared;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.util.ClassUtils;

/**
 * Start-up work that can run beside the rest (issue #11, target 6: {@code bench/startup.sh}).
 * Hibernate builds its {@code EntityManagerFactory} (entity metamodel, schema validation) on a
 * thread of its own while the main thread starts the process engine and the web layer; the same
 * thread then has Hibernate interpret the repositories' JPQL queries ({@code @Query}), which fills
 * Hibernate's query interpretation cache. Spring Data's repositories are bootstrapped
 * {@code deferred} ({@code spring.data.jpa.repositories.bootstrap-mode} in {@code application.yml}):
 * they are created, and every query checked as before, when the context has been refreshed, before
 * any {@code ApplicationRunner} and before readiness, so a broken mapping or query still stops the
 * start-up; the interpretation made beforehand only spares that check the parsing. Camunda's MyBatis
 * mapping is parsed on a thread of its own ({@link EngineMappingInBackground}), and the proxy classes of the
 * transactional beans are made on another ({@link ProxyClassesAhead}).
 */
@Configuration(proxyBeanMethods = false)
public class StartupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StartupConfiguration.class);

    /** The proxy classes of the transactional beans made beside the main thread ({@link ProxyClassesAhead}). */
    @Bean
    @ConditionalOnProperty(name = "lotflow.startup.proxy-classes-ahead", havingValue = "true", matchIfMissing = true)
    static ProxyClassesAhead proxyClassesAhead() {
        return new ProxyClassesAhead();
    }

    /** The thread that builds the {@code EntityManagerFactory}; it ends when the build and the queries have. */
    @Bean
    EntityManagerFactoryBuilderCustomizer entityManagerFactoryInBackground(ConfigurableListableBeanFactory beans) {
        return builder -> builder.setBootstrapExecutor(new EntityManagerFactoryBootstrap(beans));
    }

    /**
     * Runs the build on a new thread and completes its future as soon as the factory is there; the
     * thread then interprets the repositories' JPQL queries. A query Hibernate refuses is only noted
     * here: Spring Data's own check on the main thread reports it and stops the start-up.
     */
    static final class EntityManagerFactoryBootstrap extends SimpleAsyncTaskExecutor {

        private final transient ConfigurableListableBeanFactory beans;

        EntityManagerFactoryBootstrap(ConfigurableListableBeanFactory beans) {
            super("jpa-bootstrap-");
            this.beans = beans;
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            CompletableFuture<T> result = new CompletableFuture<>();
            execute(() -> {
                T built;
                try {
                    built = task.call();
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                    return;
                }
                result.complete(built);
                if (built instanceof EntityManagerFactory factory) {
                    interpretRepositoryQueries(factory);
                }
            });
            return result;
        }

        private void interpretRepositoryQueries(EntityManagerFactory factory) {
            List<String> queries = repositoryQueries();
            try (EntityManager em = factory.createEntityManager()) {
                for (String query : queries) {
                    try {
                        em.createQuery(query);
                    } catch (RuntimeException e) {
                        log.debug("Query left to Spring Data's check: {}", query, e);
                    }
                }
            } catch (RuntimeException e) {
                log.debug("Repository queries not interpreted ahead", e);
            }
        }

        /** The JPQL of every {@code @Query} of the application's JPA repositories. */
        private List<String> repositoryQueries() {
            List<String> queries = new ArrayList<>();
            for (String name : beans.getBeanDefinitionNames()) {
                BeanDefinition definition = beans.getBeanDefinition(name);
                if (!JpaRepositoryFactoryBean.class.getName().equals(definition.getBeanClassName())) {
                    continue;
                }
                var argument = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
                Object repository = argument == null ? null : argument.getValue();
                try {
                    Class<?> type = repository instanceof Class<?> c ? c
                            : ClassUtils.forName(String.valueOf(repository), beans.getBeanClassLoader());
                    for (Method method : type.getMethods()) {
                        Query query = method.getAnnotation(Query.class);
                        if (query != null && !query.nativeQuery() && !query.value().isBlank()) {
                            queries.add(query.value());
                        }
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    log.debug("Repository {} not read", repository, e);
                }
            }
            return queries;
        }
    }
}
