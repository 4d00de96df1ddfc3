package org.lotflow.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Records every change of a Camunda authorization (who may see or work which tasks, processes, users, groups) in the
 * security audit trail, as {@link IdentityChangeAudit} records users and memberships: {@code AUTHORIZATION_GRANTED},
 * {@code AUTHORIZATION_CHANGED}, {@code AUTHORIZATION_REVOKED} (channel {@code identity}). EU GMP Annex 11 §12.3
 * asks that the creation, change and cancellation of access authorisations be recorded.
 *
 * <p>It reads the engine's own operation log entries for authorizations (entity type {@code Authorization}, one entry
 * per property of one operation), which the engine writes for every authenticated change: Camunda Admin,
 * {@code /engine-rest/authorization/...} and the Java API inside a login. The event's {@code userId} is the user or
 * group the authorization is for ({@code *} for everyone); its {@code detail} reads, for example, {@code "grant of
 * READ, UPDATE on Task * to group sales created by demo"}. Written in the engine command's transaction: it exists
 * exactly when the change does.
 */
final class AuthorizationChangeAudit implements HistoryEventHandler {

    /** Camunda's authorization types: 0 global (everyone), 1 grant, 2 revoke (a denial). */
    private static final String[] KINDS = {"global grant", "grant", "denial"};

    private final HistoryEventHandler delegate;
    private final BiConsumer<SecurityEvent.Type, String[]> record;

    /**
     * @param record takes the event type and {@code {subject, detail}}
     */
    AuthorizationChangeAudit(HistoryEventHandler delegate, BiConsumer<SecurityEvent.Type, String[]> record) {
        this.delegate = delegate;
        this.record = record;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        delegate.handleEvent(event);
        observe(List.of(event));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events);
        observe(events);
    }

    private void observe(List<HistoryEvent> events) {
        Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            if (event instanceof UserOperationLogEntryEventEntity entry
                    && EntityTypes.AUTHORIZATION.equals(entry.getEntityType())) {
                operations.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
            }
        }
        operations.values().forEach(entries -> {
            String[] event = describe(entries);
            if (event != null) {
                record.accept(type(entries.get(0).getOperationType()), event);
            }
        });
    }

    static SecurityEvent.Type type(String operationType) {
        return switch (operationType) {
            case UserOperationLogEntry.OPERATION_TYPE_CREATE -> SecurityEvent.Type.AUTHORIZATION_GRANTED;
            case UserOperationLogEntry.OPERATION_TYPE_DELETE -> SecurityEvent.Type.AUTHORIZATION_REVOKED;
            default -> SecurityEvent.Type.AUTHORIZATION_CHANGED;
        };
    }

    /**
     * {@code {subject, detail}} of one operation's entries (property, original and new value each), or null when it
     * is no create, update or delete.
     */
    static String[] describe(List<? extends UserOperationLogEntryEventEntity> entries) {
        String operation = entries.get(0).getOperationType();
        String verb = switch (operation) {
            case UserOperationLogEntry.OPERATION_TYPE_CREATE -> "created";
            case UserOperationLogEntry.OPERATION_TYPE_UPDATE -> "changed";
            case UserOperationLogEntry.OPERATION_TYPE_DELETE -> "deleted";
            default -> null;
        };
        if (verb == null) {
            return null;
        }
        Map<String, String> now = new LinkedHashMap<>();
        Map<String, String> before = new LinkedHashMap<>();
        for (UserOperationLogEntryEventEntity entry : entries) {
            now.put(entry.getProperty(), entry.getNewValue());
            before.put(entry.getProperty(), entry.getOrgValue());
        }
        Map<String, String> shown = new LinkedHashMap<>(before); // a deletion's values may come as either
        now.forEach((property, value) -> {
            if (value != null) {
                shown.put(property, value);
            }
        });
        String group = shown.get("groupId");
        String user = shown.get("userId");
        String subject = group != null ? group : user != null ? user : "*";
        String to = group != null ? "group " + group : user == null || "*".equals(user) ? "everyone" : "user " + user;
        String kind;
        try {
            kind = KINDS[Integer.parseInt(shown.getOrDefault("type", "1"))];
        } catch (RuntimeException e) {
            kind = "authorization";
        }
        String detail = kind + " of " + shown.getOrDefault("permissions", "?") + " on " + shown.getOrDefault("resource",
                "?") + " " + shown.getOrDefault("resourceId", "*") + " to " + to + " " + verb;
        if (operation.equals(UserOperationLogEntry.OPERATION_TYPE_UPDATE)) {
            List<String> changes = new ArrayList<>();
            for (String property : List.of("permissions", "type", "resource", "resourceId", "userId", "groupId")) {
                String was = before.get(property);
                String is = now.get(property);
                if (was != null && !was.equals(is)) {
                    changes.add(property + " was " + was);
                }
            }
            if (!changes.isEmpty()) {
                detail += " (" + String.join(", ", changes) + ")";
            }
        }
        String by = entries.get(0).getUserId();
        return new String[] {subject, detail + " by " + (by == null ? CurrentUser.SYSTEM : by)};
    }
}
