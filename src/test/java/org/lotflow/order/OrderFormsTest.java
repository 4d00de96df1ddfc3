package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.Forms.form;
import static org.lotflow.support.Forms.inputKeys;

import org.junit.jupiter.api.Test;

/** The order and expiry forms ask for exactly what their listeners read. */
class OrderFormsTest {

    @Test
    void approveOverrideAsksForTheDecisionAndItsReason() throws Exception {
        // ApproveOverrideListener reads approved and comment; the embedded form adds the masked signature password
        org.lotflow.security.FormSchema approve = new org.lotflow.security.FormSchemas().task("allocationOverride",
                "approveOverride");
        assertThat(approve.fields().keySet()).containsExactly("approved", "comment");
        assertThat(approve.signatureField()).isEqualTo("signaturePassword");
        assertThat(org.lotflow.support.Forms.embeddedShown("approveOverride")).contains("overrideReason", "requestedLot");
    }

    @Test
    void reviewExpiringLotsAsksForTheReviewNote() throws Exception {
        // ReviewExpiringLotsListener reads reviewNote
        assertThat(inputKeys(form("reviewExpiringLots"))).containsExactly("reviewNote");
        assertThat(form("reviewExpiringLots").toString()).contains("{{expiringLots}}");
    }

    /** The salesperson who asked for an override is told on its form that they decide it neither way (F11). */
    @Test
    void theRequesterOfAnOverrideIsToldTheyDecideItNeitherWay() {
        assertThat(org.lotflow.order.internal.OverrideDecision.fourEyesNotices("tom")).containsExactly(
                java.util.Map.entry("tom", "Four eyes: you asked for this override and may not also decide it; another"
                        + " person of your group must sign this task: leave it to them (Unclaim, if you claimed it)."));
        assertThat(org.lotflow.support.Forms.embeddedShown("approveOverride")).contains("fourEyesNotice");
    }
}
