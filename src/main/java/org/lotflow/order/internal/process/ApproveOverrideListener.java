package org.lotflow.order.internal.process;

import static org.lotflow.order.internal.process.AllocationOverrideVariables.APPROVED;
import static org.lotflow.order.internal.process.AllocationOverrideVariables.COMMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.order.internal.OrderQueries;
import org.lotflow.order.internal.OverrideDecision;
import org.lotflow.order.internal.OverrideStanding;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code approveOverride}: on create, shows the order as task-local values; when the form is read, why it is an
 * exception now (which older lots it skips, which shelf-life rule it breaks) and whether the requested lot can still be
 * allocated ({@link OverrideStanding}); on complete, hands the decision
 * ({@code approved}, {@code comment}: the form's fields, the only input read from the task) to
 * {@link OverrideDecision}, which records it as the logged-in QA manager's signature on the order row and
 * refuses anyone else - sales above all, and the requester - whatever Camunda's task authorizations allow.
 *
 * <p>Which order the task concerns is the process's business key (the order number), checked against
 * the process bound to the order; never a variable (contract, issue #8). The decision inputs are removed
 * once read; the gateway's {@code approved} is then written again from what was recorded, over anything
 * a user sent (the same name keeps instances started with the earlier model running), and the outcome
 * tasks re-check the order row anyway. Refusals are {@link org.lotflow.shared.Refusal}s that the engine
 * REST maps to their 4xx status.
 */
@Component("approveOverrideListener")
public class ApproveOverrideListener extends TaskLifecycleListener {

    private final OrderQueries queries;
    private final OverrideDecision decision;
    private final org.lotflow.lot.LotService lots;
    private final org.lotflow.release.LabRecords lab;

    public ApproveOverrideListener(OrderQueries queries, OverrideDecision decision, org.lotflow.lot.LotService lots,
            org.lotflow.release.LabRecords lab, org.lotflow.shared.process.LiveTaskDisplays displays) {
        this.queries = queries;
        this.decision = decision;
        this.lots = lots;
        this.lab = lab;
        // the four-eyes rule as it applies to whoever opens the form, when they open it (F11, re-test M1/M2)
        displays.live(AllocationOverrideVariables.PROCESS_KEY, "approveOverride", (task, reader) -> {
            DelegateExecution processInstance = task.getExecution().getProcessInstance();
            return org.lotflow.shared.FourEyesNotices.shownTo(reader, OverrideDecision.fourEyesNotices(queries
                    .overrideFacts(processInstance.getProcessBusinessKey(), processInstance.getId()).requesterId()));
        });
        // why it is an exception, and whether the lot can still be allocated, as the stock stands when the form is
        // opened: what the signature records (auditor 2026-12-07 M4)
        displays.live(AllocationOverrideVariables.PROCESS_KEY, "approveOverride", (task, reader) -> {
            DelegateExecution processInstance = task.getExecution().getProcessInstance();
            OverrideStanding.Standing now = queries.overrideStanding(processInstance.getProcessBusinessKey(),
                    processInstance.getId());
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("overrideReason", now.reason());
            values.put("requestedLotUnavailable", now.unavailable() == null ? "" : now.unavailable());
            return values;
        });
    }

    /**
     * For a requested lot released on a concession, its failed tests with value and limits ("viscosity40C: 232 cSt
     * (limits 245 – 255 cSt)"), so the QA manager decides on the figures, not on the word (auditor 2026-12-06 F14);
     * empty text for any other lot.
     */
    String failedTests(String lotNumber) {
        org.lotflow.lot.Lot lot = lots.get(lotNumber);
        if (!lot.isReleasedOnConcession()) {
            return "";
        }
        org.lotflow.release.LabVerdict verdict = lab.current(lot.getId());
        return verdict == null ? "" : verdict.results().stream().filter(t -> !t.passed())
                .map(t -> t.test() + ": " + t.valueText() + " (limits " + t.limits() + ")")
                .collect(java.util.stream.Collectors.joining("; "));
    }

    @Override
    protected void onCreate(DelegateTask task) {
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        // no decision input may exist before the decision is made
        forgetInputs(processInstance);
        OrderQueries.OverrideFacts o = queries.overrideFacts(processInstance.getProcessBusinessKey(),
                processInstance.getId());
        TaskForm.of(task).show("orderNumber", o.orderNumber()).show("customer", o.customer()).show("sku", o.sku())
                .show("productName", o.productName()).show("orderQuantity", o.quantity(), o.unit())
                .show("requestedLot", o.requestedLot())
                // the sentence's words, for a date left out too (new user 2026-12-07 F2: "required by as soon as possible")
                .show("requiredBy", o.requiredBy() == null ? "no required date (ships as soon as possible)"
                        : "required by " + o.requiredBy())
                .show("minShelfLife", o.minShelfLifeMonths() == null ? "none" : o.minShelfLifeMonths() + " months")
                .show("requestedBy", o.requestedBy())
                .show("requestReason", o.requestReason() == null ? "not recorded (an order placed before lotflow asked)"
                        : o.requestReason())
                .show("failedTests", failedTests(o.requestedLot())).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        // a completion's variables land on the task's execution, the process instance here
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        Boolean approved = APPROVED.getLocal(processInstance);
        String comment = COMMENT.getLocal(processInstance);
        boolean decided = decision.decide(processInstance.getProcessBusinessKey(), processInstance.getId(), approved,
                comment);
        forgetInputs(processInstance);
        APPROVED.setLocal(processInstance, decided); // routing only: the recorded decision
    }

    private static void forgetInputs(DelegateExecution processInstance) {
        APPROVED.removeLocal(processInstance);
        COMMENT.removeLocal(processInstance);
    }
}
