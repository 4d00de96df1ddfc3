package org.lotflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up every BPMN test shares (in the style of Camunda's invoice example): an in-memory engine
 * named {@code process-tests} ({@code process-test.cfg.xml}; "default" belongs to the application),
 * the process under test deployed by the subclass's {@code @Deployment}, its listeners and delegates
 * replaced by Mockito mocks registered under their bean names, and camunda-bpm-assert initialised.
 * Paths, gateways, timers, candidate groups and forms are real.
 */
@Standalone
public abstract class ProcessTest {

    @RegisterExtension
    protected static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    protected ProcessEngine engine;

    @BeforeEach
    void initEngine() {
        if (extension.getProcessEngineConfiguration() == null) {
            // the extension is shared by every subclass (static field here); the previous class's afterAll
            // cleared its services but kept the engine, so it would not initialise them again by itself
            extension.setProcessEngine(extension.getProcessEngine());
        }
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    /** A mock of the task listener registered under {@code beanName}. */
    protected TaskListener taskListener(String beanName) {
        return register(beanName, mock(TaskListener.class));
    }

    /** A mock of the delegate registered under {@code beanName}. */
    protected JavaDelegate delegate(String beanName) {
        return register(beanName, mock(JavaDelegate.class));
    }

    /** A mock of the execution listener registered under {@code beanName}. */
    protected ExecutionListener executionListener(String beanName) {
        return register(beanName, mock(ExecutionListener.class));
    }

    /** Registers any bean the BPMN names (a real one, such as an SLA calculator). */
    protected <T> T register(String beanName, T bean) {
        Mocks.register(beanName, bean);
        return bean;
    }

    /** Makes a mocked task listener act on completion, as the real one does (routing variables, say). */
    protected static void onComplete(TaskListener listener, Consumer<DelegateTask> action) throws Exception {
        doAnswer(inv -> {
            DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                action.accept(task);
            }
            return null;
        }).when(listener).notify(any());
    }

    /** Asserts the candidate groups of the one open task with this key. */
    protected void assertCandidateGroups(String taskKey, String... groups) {
        var task = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getGroupId)
                .as("candidate groups of " + taskKey).containsExactlyInAnyOrder(groups);
    }
}
