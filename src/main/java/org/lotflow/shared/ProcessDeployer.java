package org.lotflow.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code bpmn/} and {@code forms/} folders (Camunda Forms {@code .form} and
 * the embedded {@code .html} forms of signing tasks, referenced as {@code embedded:deployment:forms/x.html}) (copied onto the classpath by
 * Maven) under stable resource names such as {@code bpmn/lotRelease.bpmn}, whether lotflow runs
 * from the jar, from {@code mvn spring-boot:run} or from an IDE. Unchanged resources create no
 * new version (duplicate filtering); when any file changed, all are deployed together as new
 * versions, so a changed form is deployed with the processes that reference it ({@code
 * embedded:deployment:} forms resolve within their process's deployment). Camunda's deployment lock
 * serializes cluster nodes that start together.
 */
@Component
@Order(-100)
public class ProcessDeployer implements ApplicationRunner {

    public static final String DEPLOYMENT_NAME = "lotflow";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    public ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("lotflow")
                .enableDuplicateFiltering(false); // any file changed: all deployed together (a changed form reaches its process)
        int count = 0;
        for (String folder : new String[] {"bpmn", "forms"}) {
            Resource[] resources = resolver.getResources("classpath*:" + folder + "/*.*");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                String name = resource.getFilename();
                if (name == null || !(name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")
                        || name.endsWith(".html"))) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    deployment.addInputStream(folder + "/" + name, new java.io.ByteArrayInputStream(in.readAllBytes()));
                }
                count++;
            }
        }
        if (count > 0) {
            var result = deployment.deployWithResult();
            log.info("Deployed {} lotflow resources; {} process definition(s) new or changed", count,
                    result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size());
        }
    }
}
