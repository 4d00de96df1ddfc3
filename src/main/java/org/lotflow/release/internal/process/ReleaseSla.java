package org.lotflow.release.internal.process;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The release target (the seed: 8 hours from lot creation to release decision). It is working
 * time, so it runs on the engine's clock, not on {@code lotflow.today}.
 */
@Component("releaseSla")
public class ReleaseSla {

    private final Duration duration;

    public ReleaseSla(@Value("${lotflow.release.sla:PT8H}") Duration duration) {
        this.duration = duration;
    }

    public Duration getDuration() {
        return duration;
    }

    /**
     * When the release of a process is due: its {@code releaseDueAt} (set by lotflow's start), or
     * from now when it has none. Used by the BPMN's timer and due dates, which the engine
     * evaluates before any start listener runs: a start without the variable (one that is not
     * lotflow's) must reach the start listener and be refused there with a 4xx, not fail with a
     * 500 on an unknown property (issue #8, contract: lotRelease is started only by creating a lot).
     */
    public Date dueAt(VariableScope scope) {
        // read raw, not through Variable.get: a start that is not lotflow's must reach the start listener
        Object due = scope == null ? null : scope.getVariable(LotReleaseVariables.RELEASE_DUE_AT.name());
        return due instanceof Date date ? date : dueFromNow();
    }

    /** When a release started now is due. */
    public Date dueFromNow() {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
