package org.lotflow.expiry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Fefo;
import org.lotflow.order.OrderEventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily expiry monitoring: lots whose expiration date has come ({@code expirationDate <= today})
 * become EXPIRED (from RELEASED or QUARANTINE, as the lifecycle allows), which cancels their open
 * allocations (see {@code OrderService.onLotStatusChanged}); lots expiring within the alert window
 * ({@code lotflow.expiry.alert-days}, default 90) are listed for sales and QA to promote or
 * dispose. Idempotent: a second run on the same day finds nothing left to expire.
 */
@Service
public class ExpiryMonitoringService {

    public static final String PROCESS_KEY = "expiryMonitoring";
    public static final String TASK_REVIEW = "reviewExpiringLots";

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lots;
    private final LotService lotService;
    private final LotHistory history;
    private final TaskService taskService;
    private final Clock clock;
    private final int alertDays;

    public ExpiryMonitoringService(NamedParameterJdbcTemplate jdbc, LotStock lots, LotService lotService,
            LotHistory history, TaskService taskService, Clock clock,
            @Value("${lotflow.expiry.alert-days:90}") int alertDays) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.lotService = lotService;
        this.history = history;
        this.taskService = taskService;
        this.clock = clock;
        this.alertDays = alertDays;
    }

    /** One lot near (or past) its expiration date, with its stock. */
    public record ExpiringLot(String lotNumber, String sku, String status, LocalDate expirationDate, long daysRemaining,
            BigDecimal monthsRemaining, BigDecimal quantity, BigDecimal available, BigDecimal allocated, String unit,
            String location) {
    }

    /** What one run did: lots it marked EXPIRED, and the lots expiring within the alert window. */
    public record Run(LocalDate date, List<String> expired, List<ExpiringLot> expiring) {
    }

    public int alertDays() {
        return alertDays;
    }

    /** The run of the timer process, callable directly (tests, operators). */
    @Transactional
    public Run run() {
        List<String> expired = markExpired();
        return new Run(LocalDate.now(clock), expired, expiring(alertDays));
    }

    /** Marks every lot with {@code expirationDate <= today} in RELEASED or QUARANTINE as EXPIRED. */
    @Transactional
    public List<String> markExpired() {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM lot WHERE expiration_date <= :today AND status IN ('RELEASED', 'QUARANTINE')
                 ORDER BY id""", Map.of("today", today), Long.class);
        List<String> expired = new ArrayList<>();
        if (ids.isEmpty()) {
            return expired;
        }
        for (Lot lot : lots.lockAll(ids)) { // ascending id, like every other lot writer
            if (!lot.isExpiredOn(today) || !lot.getStatus().canBecome(LotStatus.EXPIRED)) {
                continue; // changed while we waited for the lock
            }
            lotService.changeStatus(lot, LotStatus.EXPIRED, "Expiration date " + lot.getExpirationDate()
                    + " reached (expiry monitoring of " + today + ")", Map.of("expirationDate",
                            lot.getExpirationDate().toString()));
            expired.add(lot.getLotNumber());
        }
        return expired;
    }

    /**
     * Lots with stock on hand (PENDING, RELEASED, QUARANTINE, or EXPIRED awaiting disposal) whose expiration date is within
     * {@code days} days from today, earliest first; already expired ones are included with
     * {@code daysRemaining <= 0}.
     */
    @Transactional(readOnly = true)
    public List<ExpiringLot> expiring(int days) {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM lot WHERE expiration_date <= :until AND status IN ('PENDING', 'RELEASED', 'QUARANTINE', 'EXPIRED')
                   AND quantity - shipped - consumed > 0
                 ORDER BY expiration_date, manufacture_date, lot_number""",
                Map.of("until", today.plusDays(days)), Long.class);
        List<ExpiringLot> out = new ArrayList<>();
        for (Lot l : lots.findAllById(ids)) {
            out.add(new ExpiringLot(l.getLotNumber(), l.getProduct().getSku(), l.getStatus().name(),
                    l.getExpirationDate(), ChronoUnit.DAYS.between(today, l.getExpirationDate()),
                    Fefo.monthsRemaining(l, today), l.getQuantity(), l.getAvailable(), l.getAllocated(),
                    l.getProduct().getUnit(), l.getLocation()));
        }
        out.sort(java.util.Comparator.comparing(ExpiringLot::expirationDate).thenComparing(ExpiringLot::lotNumber));
        return out;
    }

    /**
     * True when another review task is still open: a second run on the same day creates no second task.
     * Runs at the same moment queue on the {@code app_lock} row {@code expiry-review} first (held until
     * the run's transaction, which creates its review task, commits), so the rule "one open review" is
     * kept under concurrency, not only by the query.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean reviewAlreadyOpen(String ownProcessInstanceId) {
        jdbc.getJdbcTemplate().queryForList("SELECT name FROM app_lock WHERE name = 'expiry-review' FOR UPDATE",
                String.class);
        return taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey(TASK_REVIEW)
                .list().stream().anyMatch(t -> !t.getProcessInstanceId().equals(ownProcessInstanceId));
    }

    /** The review's note in the history of every lot it covered. */
    @Transactional
    public void recordReview(String reviewedBy, String note) {
        for (ExpiringLot e : expiring(alertDays)) {
            lots.findByLotNumber(e.lotNumber()).ifPresent(l -> history.event(l.getId(), OrderEventTypes.EXPIRY_REVIEWED)
                    .by(reviewedBy).reason(note).detail("expirationDate", e.expirationDate().toString())
                    .detail("daysRemaining", e.daysRemaining()).detail("available", e.available()).record());
        }
    }

    /** Markdown table of the lots for the review form. */
    public String describe(List<ExpiringLot> list) {
        if (list.isEmpty()) {
            return "No lots expire within " + alertDays + " days.";
        }
        StringBuilder sb = new StringBuilder("| Lot | SKU | Status | Expires | Days left | Available | Allocated |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (ExpiringLot e : list) {
            sb.append("| ").append(e.lotNumber()).append(" | ").append(e.sku()).append(" | ").append(e.status())
                    .append(" | ").append(e.expirationDate()).append(" | ").append(e.daysRemaining()).append(" | ")
                    .append(e.available().stripTrailingZeros().toPlainString()).append(' ').append(e.unit())
                    .append(" | ").append(e.allocated().stripTrailingZeros().toPlainString()).append(" |\n");
        }
        return sb.toString();
    }
}
