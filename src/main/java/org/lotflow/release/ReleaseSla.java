package org.lotflow.release;

import java.time.Duration;
import java.util.Date;

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

    /** When a release started now is due. */
    public Date dueFromNow() {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }
}
