package bench.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A bare Camunda 7.24 application with lotflow's processes and forms: every delegate, listener and
 * expression bean the BPMN names is a no-op (or a constant), so the engine does only its own work.
 * The demo users of lotflow's lot release (mike, sarah, jennifer, demo; password = user id) exist with
 * their groups. The benchmark driver supplies what lotflow's listeners would compute ({@code labPassed}).
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    /** Does nothing, whatever the BPMN binds it to (service task, execution or task listener). */
    static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }

    @Bean NoOp allocateByFefoDelegate() { return new NoOp(); }
    @Bean NoOp allocateOverrideDelegate() { return new NoOp(); }
    @Bean NoOp approveOverrideListener() { return new NoOp(); }
    @Bean NoOp approveReleaseListener() { return new NoOp(); }
    @Bean NoOp assessEffectivenessDelegate() { return new NoOp(); }
    @Bean NoOp checkExpiryDelegate() { return new NoOp(); }
    @Bean NoOp closeRecallListener() { return new NoOp(); }
    @Bean NoOp confirmDisposalListener() { return new NoOp(); }
    @Bean NoOp decideDispositionListener() { return new NoOp(); }
    @Bean NoOp escalateNotificationDelegate() { return new NoOp(); }
    @Bean NoOp informCustomersListener() { return new NoOp(); }
    @Bean NoOp investigateLotListener() { return new NoOp(); }
    @Bean NoOp lotReleaseStartListener() { return new NoOp(); }
    @Bean NoOp notifyCustomerListener() { return new NoOp(); }
    @Bean NoOp overrideStartListener() { return new NoOp(); }
    @Bean NoOp quarantineOverdueDelegate() { return new NoOp(); }
    @Bean NoOp quarantineStartListener() { return new NoOp(); }
    @Bean NoOp recallHeldLotDelegate() { return new NoOp(); }
    @Bean NoOp recallStartListener() { return new NoOp(); }
    @Bean NoOp recordLabResultsListener() { return new NoOp(); }
    @Bean NoOp recordRecallReportDelegate() { return new NoOp(); }
    @Bean NoOp rejectHeldLotDelegate() { return new NoOp(); }
    @Bean NoOp rejectLotDelegate() { return new NoOp(); }
    @Bean NoOp releaseHeldLotDelegate() { return new NoOp(); }
    @Bean NoOp releaseLotDelegate() { return new NoOp(); }
    @Bean NoOp releaseOverdueDelegate() { return new NoOp(); }
    @Bean NoOp reviewExpiringLotsListener() { return new NoOp(); }
    @Bean NoOp archiveLotsDelegate() { return new NoOp(); }
    @Bean NoOp closeDrillListener() { return new NoOp(); }
    @Bean NoOp customersAnsweredListener() { return new NoOp(); }
    @Bean NoOp decideOutOfSpecificationListener() { return new NoOp(); }
    @Bean NoOp drillStartListener() { return new NoOp(); }
    @Bean NoOp findArchivableLotsDelegate() { return new NoOp(); }
    @Bean NoOp investigateLabErrorListener() { return new NoOp(); }
    @Bean NoOp investigateProductionListener() { return new NoOp(); }
    @Bean NoOp markDrillFailedDelegate() { return new NoOp(); }
    @Bean NoOp notificationStartListener() { return new NoOp(); }
    @Bean NoOp quarantineEndListener() { return new NoOp(); }
    @Bean NoOp reviewArchivingListener() { return new NoOp(); }
    @Bean NoOp reviewDrillScopeListener() { return new NoOp(); }
    @Bean NoOp startNotificationBatchDelegate() { return new NoOp(); }
    @Bean NoOp startNotificationsDelegate() { return new NoOp(); }

    /** {@code ${releaseSla.dueAt(execution)}}: eight hours from now, as lotflow's default SLA. */
    public static final class ReleaseSla {
        public Date dueAt(DelegateExecution execution) {
            return Date.from(Instant.now().plus(Duration.ofHours(8)));
        }
    }

    @Bean ReleaseSla releaseSla() { return new ReleaseSla(); }

    /** {@code ${expirySchedule.cycle}}: lotflow's default daily run. */
    public static final class ExpirySchedule {
        public String getCycle() {
            return "0 0 6 * * ?";
        }
    }

    @Bean ExpirySchedule expirySchedule() { return new ExpirySchedule(); }

    /** {@code ${recallFacts.customers(execution)}}, {@code ${recallFacts.notifyWithin(execution)}}. */
    public static final class RecallFacts {
        public long customers(DelegateExecution execution) {
            return 0;
        }

        public String notifyWithin(DelegateExecution execution) {
            return "PT24H";
        }

        public int batches(DelegateExecution execution) {
            return 0;
        }

        public int customersToStart(DelegateExecution execution) {
            return 0;
        }
    }

    @Bean RecallFacts recallFacts() { return new RecallFacts(); }

    /** {@code ${archivingSchedule.cycle}}: lotflow's default nightly run. */
    public static final class ArchivingSchedule {
        public String getCycle() {
            return "0 30 2 * * ?";
        }
    }

    @Bean ArchivingSchedule archivingSchedule() { return new ArchivingSchedule(); }

    /** {@code ${drillFacts.target(execution)}}, {@code ${drillFacts.dueAt(execution)}}: lotflow's default drill target. */
    public static final class DrillFacts {
        public String target(DelegateExecution execution) {
            return "PT4H";
        }

        public Date dueAt(DelegateExecution execution) {
            return new Date(System.currentTimeMillis() + 4 * 3600_000L);
        }
    }

    @Bean DrillFacts drillFacts() { return new DrillFacts(); }

    /** {@code ${quarantineFacts.customers(execution)}}, {@code ${quarantineFacts.disposalNeeded(execution)}}. */
    public static final class QuarantineFacts {
        public long customers(DelegateExecution execution) {
            return 0;
        }

        public boolean disposalNeeded(DelegateExecution execution) {
            return false;
        }
    }

    @Bean QuarantineFacts quarantineFacts() { return new QuarantineFacts(); }

    @Bean
    @ConditionalOnProperty(name = "baseline.basic-auth", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuth() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** lotflow's demo users of the lot release and their groups (password = user id). */
    @Bean
    ApplicationRunner users(IdentityService identity, org.camunda.bpm.engine.AuthorizationService authorizations,
            @Value("${baseline.users:true}") boolean create) {
        return args -> {
            if (!create) {
                return;
            }
            String[][] users = {{"mike", "production"}, {"sarah", "qa-analyst"}, {"jennifer", "qa-manager"}};
            for (String[] u : users) {
                if (identity.createGroupQuery().groupId(u[1]).count() == 0) {
                    var group = identity.newGroup(u[1]);
                    group.setName(u[1]);
                    identity.saveGroup(group);
                }
                if (identity.createUserQuery().userId(u[0]).count() == 0) {
                    var user = identity.newUser(u[0]);
                    user.setPassword(u[0]);
                    identity.saveUser(user);
                    identity.createMembership(u[0], u[1]);
                    // with BASELINE_AUTHORIZATION=true: every group may do everything on definitions,
                    // instances, tasks and history (wildcard grants, so checks run but always pass)
                    for (var resource : new org.camunda.bpm.engine.authorization.Resources[] {
                            org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION,
                            org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE,
                            org.camunda.bpm.engine.authorization.Resources.TASK}) {
                        var grant = authorizations.createNewAuthorization(
                                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
                        grant.setGroupId(u[1]);
                        grant.setResource(resource);
                        grant.setResourceId("*");
                        grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.ALL);
                        authorizations.saveAuthorization(grant);
                    }
                }
            }
        };
    }
}
