package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;

/** How an authorization's operation log entries read in the security trail; without Spring or an engine. */
class AuthorizationChangeAuditTest {

    private static UserOperationLogEntryEventEntity entry(String operation, String property, String before, String now) {
        UserOperationLogEntryEventEntity e = new UserOperationLogEntryEventEntity();
        e.setOperationId("op1");
        e.setOperationType(operation);
        e.setEntityType("Authorization");
        e.setProperty(property);
        e.setOrgValue(before);
        e.setNewValue(now);
        e.setUserId("demo");
        return e;
    }

    @Test
    void aGrantAChangeAndADeletionReadAsOneSentenceEach() {
        List<UserOperationLogEntryEventEntity> created = List.of(entry("Create", "permissions", null, "READ"),
                entry("Create", "type", null, "1"), entry("Create", "resource", null, "Task"),
                entry("Create", "resourceId", null, "*"), entry("Create", "groupId", null, "sales"));
        assertThat(AuthorizationChangeAudit.describe(created)).containsExactly("sales",
                "grant of READ on Task * to group sales created by demo");
        List<UserOperationLogEntryEventEntity> changed = List.of(entry("Update", "permissions", "READ", "READ, UPDATE"),
                entry("Update", "type", "1", "1"), entry("Update", "resource", "Task", "Task"),
                entry("Update", "userId", null, "tom"));
        assertThat(AuthorizationChangeAudit.describe(changed)[1])
                .isEqualTo("grant of READ, UPDATE on Task * to user tom changed (permissions was READ) by demo");
        List<UserOperationLogEntryEventEntity> denied = List.of(entry("Delete", "permissions", "ALL", null),
                entry("Delete", "type", "2", null), entry("Delete", "resource", "Deployment", null),
                entry("Delete", "userId", "*", null));
        assertThat(AuthorizationChangeAudit.describe(denied)).containsExactly("*",
                "denial of ALL on Deployment * to everyone deleted by demo");
        assertThat(AuthorizationChangeAudit.type("Create")).isEqualTo(SecurityEvent.Type.AUTHORIZATION_GRANTED);
        assertThat(AuthorizationChangeAudit.type("Delete")).isEqualTo(SecurityEvent.Type.AUTHORIZATION_REVOKED);
    }

    @Test
    void everyEventStillReachesTheEnginesHandlerAndOnlyAuthorizationsAreRecorded() {
        List<HistoryEvent> passed = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        HistoryEventHandler engine = new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                passed.add(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                passed.addAll(events);
            }
        };
        AuthorizationChangeAudit audit = new AuthorizationChangeAudit(engine, (type, e) -> recorded.add(type + " " + e[1]));
        UserOperationLogEntryEventEntity other = entry("Create", "x", null, "y");
        other.setEntityType("Task");
        audit.handleEvents(List.of(other, entry("Create", "permissions", null, "READ"), entry("Create", "userId", null,
                "sarah")));
        assertThat(passed).hasSize(3);
        assertThat(recorded).containsExactly("AUTHORIZATION_GRANTED grant of READ on ? * to user sarah created by demo");
    }
}
