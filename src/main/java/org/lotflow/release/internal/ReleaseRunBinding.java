package org.lotflow.release.internal;

import java.time.Clock;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotCreated;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.release.LotRelease;
import org.lotflow.release.internal.process.LotReleaseProcess;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.StateConflict;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The binding of a lot to its one {@code lotRelease} instance ({@code lot_release_run}): lotflow starts
 * the release when a lot is created, the start listener claims the lot for the instance, and every
 * later step finds its lot through that binding, never through a variable (contract: "lotRelease is
 * started only by creating a lot"; "Which lot ... a task concerns is lotflow's own record, never a
 * variable that a user can set"; 21 CFR 11.10(f); EU GMP Annex 11 §5).
 */
@Service
public class ReleaseRunBinding {

    /**
     * The handshake of lotflow's own start: the id of the lot whose release {@link #onLotCreated} is
     * starting on this thread. Nothing outside this class can set it (a variable could be sent by
     * anyone), so {@link #claimStart} tells lotflow's start from a user's by it.
     */
    private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

    private final LotService lots;
    private final LotStock stock;
    private final ReleaseRunRepository runs;
    private final LotReleaseProcess process;
    private final Clock clock;

    public ReleaseRunBinding(LotService lots, LotStock stock, ReleaseRunRepository runs, LotReleaseProcess process,
            Clock clock) {
        this.lots = lots;
        this.stock = stock;
        this.runs = runs;
        this.process = process;
        this.clock = clock;
    }

    /**
     * Starts the lab release of a new lot, in the lot's own transaction. The process carries no lot
     * id: its business key (the lot number) and {@code lot_release_run} say which lot it is.
     * A lot that starts in quarantine (unidentified stock, a lot received into quarantine) goes to its
     * hold's investigation, not to release.
     */
    @EventListener
    public void onLotCreated(LotCreated created) {
        if (created.startsInQuarantine()) {
            return;
        }
        STARTING.set(created.lotId());
        try {
            process.start(created.lotNumber());
        } finally {
            STARTING.remove();
        }
    }

    /**
     * The start listener's check: accepts only lotflow's own start for a new lot and binds the
     * instance to the lot. Reads nothing but the business key. Refused, nothing starts: no business
     * key (400), an unknown one (404), unidentified stock, a lot that is not PENDING or already has its
     * release process (409; a unique row written under the lot's row lock, not query-then-insert), and
     * any start that lotflow did not make while creating that lot (403).
     */
    @Transactional
    public Lot claimStart(String businessKey, String processInstanceId) {
        Long handshake = STARTING.get();
        STARTING.remove(); // one start per handshake
        if (businessKey == null || businessKey.isBlank()) {
            throw new InvalidInput("businessKey", "must be the lot number: " + LotRelease.PROCESS_KEY
                    + " is started by creating a lot");
        }
        Lot found = stock.findByLotNumber(businessKey).orElseThrow(() -> new NotFound("Lot", businessKey));
        Lot lot = stock.lockAll(List.of(found.getId())).get(0);
        if (lot.getSource() == LotSource.UNIDENTIFIED_STOCK) {
            throw new StateConflict("Lot " + businessKey + " is unidentified stock: it is investigated in "
                    + "quarantine, it has no lab release").with("lotNumber", businessKey);
        }
        if (lot.getStatus() != LotStatus.PENDING) {
            throw new StateConflict("Lot " + businessKey + " is " + lot.getStatus()
                    + "; a lab release is started for a new PENDING lot only").with("lotNumber", businessKey)
                    .with("lotStatus", lot.getStatus().name());
        }
        if (runs.existsById(lot.getId())) {
            throw alreadyRunning(businessKey);
        }
        if (!lot.getId().equals(handshake)) {
            throw new NotPermitted(LotRelease.PROCESS_KEY + " is started by lotflow when a lot is created, not directly");
        }
        try {
            runs.saveAndFlush(new ReleaseRun(lot.getId(), processInstanceId, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw alreadyRunning(businessKey);
        }
        return lot;
    }

    /**
     * The lot a running {@code lotRelease} instance concerns: the lot named by its business key, which
     * must be bound to this very instance (409 otherwise). Never a variable.
     */
    @Transactional(readOnly = true)
    public Lot lotOf(String businessKey, String processInstanceId) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new StateConflict("Process instance " + processInstanceId + " has no lot number");
        }
        Lot lot = lots.get(businessKey);
        ReleaseRun run = runs.findById(lot.getId()).orElse(null);
        if (run == null || !run.isRunBy(processInstanceId)) {
            throw new StateConflict("Process instance " + processInstanceId + " is not the lab release of lot "
                    + businessKey);
        }
        return lot;
    }

    private static Refusal alreadyRunning(String lotNumber) {
        return new StateConflict("Lot " + lotNumber + " already has its lab release process")
                .with("lotNumber", lotNumber);
    }
}
