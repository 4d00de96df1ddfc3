package org.lotflow.console.internal.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address a Console form is sent to, asked for as a page (GET): the browser's Back to a page that answered a
 * sent form (a refusal shown in place) asks for it so, and a bookmark does too. It is answered with the page the
 * form is on, as it is now (303), never with "Method not allowed" and never by sending the form again (new user
 * 2026-12-06 N2, N13: Back after a hold showed the lot as before it, or an error page).
 */
@Controller
class FormAddresses {

    /** A lot's forms (hold, recall, certificate of analysis): the lot's page. */
    @GetMapping({"/console/lots/{lotNumber}/holds", "/console/lots/{lotNumber}/recalls",
            "/console/lots/{lotNumber}/coa"})
    ResponseEntity<Void> lotForm(@PathVariable String lotNumber) {
        return seeOther(UriComponentsBuilder.fromPath("/console/lots/{n}").buildAndExpand(lotNumber).encode().toUri());
    }

    /** An order's forms (ship, cancel): the order's page. */
    @GetMapping({"/console/orders/{orderNumber}/shipments", "/console/orders/{orderNumber}/cancel"})
    ResponseEntity<Void> orderForm(@PathVariable String orderNumber) {
        return seeOther(UriComponentsBuilder.fromPath("/console/orders/{n}").buildAndExpand(orderNumber).encode()
                .toUri());
    }

    /** The receipt form's address: the receipt form. */
    @GetMapping("/console/receipts")
    ResponseEntity<Void> receiptForm() {
        return seeOther(URI.create("/console/receipts/new"));
    }

    /** The audit trail check's address: the reports page it is on. */
    @GetMapping("/console/reports/audit-verify")
    ResponseEntity<Void> auditVerifyForm() {
        return seeOther(URI.create("/console/reports"));
    }

    /**
     * The log-out button's address: the lots page, where the button is. A GET never logs out (a link on another site
     * could end a session); re-test 2026-12-06 R11.
     */
    @org.lotflow.security.OpenToAnyUser
    @GetMapping("/console/logout")
    ResponseEntity<Void> logoutForm() {
        return seeOther(URI.create("/console/lots"));
    }

    private static ResponseEntity<Void> seeOther(URI page) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
    }
}
