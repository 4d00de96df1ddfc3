package org.lotflow.recall.internal.web;

import org.lotflow.recall.internal.CustomerNotification;
import org.lotflow.recall.internal.RecallClosing;
import org.lotflow.recall.internal.RecallExport;
import org.lotflow.recall.internal.RecallOpening;
import org.lotflow.recall.internal.RecallQueries;
import org.lotflow.recall.internal.RecallView;

import org.lotflow.shared.input.Quantity;
import org.lotflow.security.AllowedGroups;
import org.lotflow.security.Groups;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/recalls}: open a recall, read it, export its traceability records. A recall's number in a path
 * ({@code /api/recalls/{recallNumber}/...}) is found whatever the case it is typed in ({@code rc-2025-001} is
 * RC-2025-001: {@link org.lotflow.shared.input.MadeNumbers}; auditor round 22 L2), and answers give it as stored.
 */
@RestController
@RequestMapping("/api/recalls")
public class RecallController {

    private final RecallOpening opening;
    private final CustomerNotification notification;
    private final RecallClosing closing;
    private final RecallQueries queries;
    private final org.lotflow.recall.internal.RecallReturns returns;
    private final org.lotflow.recall.internal.ReturnReceipts receipts;

    public RecallController(RecallOpening opening, CustomerNotification notification, RecallClosing closing,
            RecallQueries queries, org.lotflow.recall.internal.RecallReturns returns,
            org.lotflow.recall.internal.ReturnReceipts receipts) {
        this.receipts = receipts;
        this.opening = opening;
        this.notification = notification;
        this.closing = closing;
        this.queries = queries;
        this.returns = returns;
    }

    /**
     * Returns recorded after a customer's answer, when they come: {@code customer} as the recall lists it, {@code unit}
     * when it received several, {@code quantityReturned} (to the plant) and {@code quantityDestroyed} (on site), each
     * optional (0) and at least one more than 0, added to what it answered, and an optional {@code note}.
     */
    public record ReturnsRecord(String customer, String unit, @Quantity(zeroAllowed = true) BigDecimal quantityReturned,
            @Quantity(zeroAllowed = true) BigDecimal quantityDestroyed, String note) {
    }

    /**
     * Records returns a customer sent back (or destroyed on site) after it was told of the recall: 200 with the recall
     * (its customers' quantities and effectiveness count them). 400 naming {@code customer}, {@code unit},
     * {@code quantityReturned}, {@code quantityDestroyed} or {@code note}; 403 for other groups; 404 for an unknown
     * recall; 409 when the customer is not answered yet, could not be reached, or the recall is closed (new user
     * 2026-12-06 F6; 21 CFR 7.59).
     */
    @AllowedGroups(value = {Groups.RECALL_COORDINATOR, Groups.QA_MANAGER}, work = "record a customer's returns of a recall")
    @PostMapping("/{recallNumber}/returns")
    public RecallView returns(@PathVariable String recallNumber,
            @jakarta.validation.Valid @RequestBody ReturnsRecord body) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        returns.record(recallNumber, body.customer(), body.unit(), body.quantityReturned(), body.quantityDestroyed(),
                body.note());
        return queries.view(recallNumber);
    }

    /**
     * Goods that came back, as received at the plant: {@code lotNumber} (read on the goods), {@code customer} (as the
     * recall lists it), {@code quantity} in the lot's unit, {@code receivedOn} (ISO date, optional: today) and an
     * optional {@code reference} (the return note); {@code serials} the units' serials for a serialised product.
     */
    public record ReceivedReturn(String lotNumber, String customer, @Quantity BigDecimal quantity,
            java.time.LocalDate receivedOn, String reference, List<String> serials) {
    }

    /**
     * Receives a recalled lot's goods a customer sent back: 201 with the recall ({@code returnsReceived} lists the
     * receipt; the lot has it on hand again, {@code shipped} smaller by it, and the closing disposes of it with the
     * lot's stock). 400 naming {@code lotNumber}, {@code customer}, {@code quantity} (more than was shipped to that
     * customer of that lot, with what came back already), {@code receivedOn} or {@code reference}; 403 for other
     * groups; 404 for an unknown recall; 409 once the recall is closed or its closing signed (21 CFR 7.55(a); the seed:
     * "coordinate product retrieval").
     */
    @AllowedGroups(value = {Groups.RECALL_COORDINATOR, Groups.QA_MANAGER}, work = "receive a recall's returned goods")
    @PostMapping("/{recallNumber}/received-returns")
    public ResponseEntity<RecallView> receivedReturns(@PathVariable String recallNumber,
            @jakarta.validation.Valid @RequestBody ReceivedReturn body) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        receipts.receive(recallNumber, body.lotNumber(), body.customer(), body.quantity(), body.receivedOn(),
                body.reference(), body.serials());
        return ResponseEntity.status(201).body(queries.view(recallNumber));
    }

    /**
     * The body; validated by the service so every refusal names its field. {@code wholeSupplierLot} optional (false):
     * true names, beside each named received lot, every other lot received of its supplier lot from the same
     * supplier that may become RECALLED (one FSMA 204 traceability lot code received as several lots; trace29 F1);
     * either way the recall lists those left out in {@code otherLotsOfSupplierLots}.
     */
    public record RecallRequest(List<String> lots, String reason, String classification, Boolean wholeSupplierLot) {
    }

    /**
     * Opens a recall and starts {@code lotRecall}: 201 with the recall. Recall coordinators only
     * (administrators are not: auditor 2026-12-06 B6): the contract reserves starting recalls to them, so QA
     * managers get 403 problem+json here; their RECALL dispositions still open recalls.
     */
    @AllowedGroups(value = {Groups.RECALL_COORDINATOR}, work = "open a recall")
    @PostMapping
    public ResponseEntity<RecallView> create(@RequestBody RecallRequest request) {
        RecallOpening.Opened opened = opening.request(request.lots(), request.reason(), request.classification(),
                Boolean.TRUE.equals(request.wholeSupplierLot()));
        return ResponseEntity.created(URI.create("/api/recalls/" + opened.recallNumber()))
                .body(queries.view(opened.recallNumber()));
    }

    /**
     * A customer's answer to its recall notification (21 CFR 7.49 recall communications; 7.42(b)(3) and 7.59
     * effectiveness checks), e.g. {@code {"customer":"Acme Foods","acknowledged":true,"contactMethod":"PHONE",
     * "contactPerson":"Jane Roe, QA manager","quantityReturned":50,"quantityDestroyed":10,"note":"..."}}.
     * {@code customer} as the recall lists it; {@code unit} the unit the quantities count in, needed only when the
     * customer received lots of several units (the recall lists one entry per customer and unit);
     * {@code reached} true or false, optional (absent: true, the customer was told, as before it was asked): false
     * when the plant tried and could not reach the customer, who then is not notified (21 CFR 7.53) and cannot have
     * acknowledged; {@code acknowledged} true or false, required, false when not reached (400 naming it otherwise);
     * {@code contactMethod} how the customer was reached (or tried),
     * required, one of {@code PHONE}, {@code EMAIL}, {@code LETTER}, {@code FAX}, {@code VISIT} ("personal visits,
     * telephone calls, letters, or a combination", 7.42(b)(3)); {@code contactPerson} the person at the customer who
     * was told (or tried), required, one line of visible text, at most 200 characters; {@code note} optional, at most
     * 2000 characters; {@code quantityReturned} what the customer returned to the plant, required, and
     * {@code quantityDestroyed} what it destroyed on site, optional (0): both in that unit, 0 or more, at most 3
     * decimals (never rounded), and together at most the quantity shipped to the customer in that unit;
     * {@code tryAgain} optional, for a customer not reached: true keeps its notification open and brings its task back
     * to the recall coordinators for another attempt (21 CFR 7.49), absent or false records it as not reached.
     */
    public record NotificationAnswer(String customer, String unit, Boolean reached, Boolean acknowledged,
            @Quantity(zeroAllowed = true) BigDecimal quantityReturned, String contactMethod, String contactPerson,
            String note, @Quantity(zeroAllowed = true) BigDecimal quantityDestroyed, Boolean tryAgain) {
    }

    /**
     * A customer's answer: completes its {@code notifyCustomer} task as the caller; 200 with the recall. 400
     * (problem+json, nothing changed) naming {@code customer}, {@code unit}, {@code reached}, {@code acknowledged},
     * {@code quantityReturned}, {@code quantityDestroyed} (also when returned and destroyed together exceed what was
     * shipped), {@code contactMethod}, {@code contactPerson} or {@code note}; 403 for other groups; 409 when already
     * answered or while its task is still being created.
     */
    @AllowedGroups(value = {Groups.RECALL_COORDINATOR, Groups.QA_MANAGER}, work = "record a customer's answer to a recall")
    @PostMapping("/{recallNumber}/notifications")
    public RecallView answer(@PathVariable String recallNumber,
            @jakarta.validation.Valid @RequestBody NotificationAnswer answer) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        notification.answer(recallNumber, answer.customer(), answer.unit(), answer.reached(), answer.acknowledged(),
                answer.quantityReturned(), answer.contactMethod(), answer.contactPerson(), answer.note(),
                answer.quantityDestroyed(), answer.tryAgain());
        return queries.view(recallNumber);
    }

    /**
     * {@code comment}: the closing statement, required. {@code justification}: why the recall may close
     * although its effectiveness check is below the target level; required then (400 naming it).
     * {@code disposalMethod}: how the recalled lots' stock on hand leaves the plant, {@code DESTROYED},
     * {@code RETURNED_TO_SUPPLIER} (received lots only); required while a lot without a line of
     * its own in {@code disposals} has any (400 naming it with what is left), refused when there is none.
     * {@code disposalReference}: optional, the waste manifest or return note (one line, at most 200 characters).
     * {@code disposals}: optional, a lot that leaves differently, each {@code {lotNumber, disposalMethod,
     * disposalReference}} (400 naming {@code disposals} and the item). 21 CFR 7.55(a): a recall ends once proper
     * disposition has been made. {@code password}: the QA manager's own, re-entered: the closing is her electronic
     * signature (meaning "recall closure"; 400 naming it when missing, 403 when wrong, 429 while locked).
     */
    public record CloseRequest(String comment, String justification, String disposalMethod,
            String disposalReference, Object disposals, String password) {
    }

    /** A QA manager closes the recall (completes {@code closeRecall}); the report follows asynchronously: 202. */
    @AllowedGroups(value = {Groups.QA_MANAGER}, work = "close a recall")
    @PostMapping("/{recallNumber}/close")
    public ResponseEntity<RecallView> close(@PathVariable("recallNumber") String typedNumber,
            @RequestBody CloseRequest request) {
        String recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(typedNumber); // whatever the case typed (L2)
        org.lotflow.security.SignatureCredentials.with(request.password(), () -> closing.requestClose(recallNumber,
                request.comment(), request.justification(), request.disposalMethod(), request.disposalReference(),
                request.disposals()));
        return ResponseEntity.accepted().body(queries.view(recallNumber));
    }

    @GetMapping("/{recallNumber}")
    public RecallView get(@PathVariable String recallNumber) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        return queries.view(recallNumber);
    }

    @GetMapping(value = "/{recallNumber}/export", produces = "text/csv")
    public ResponseEntity<String> export(@PathVariable String recallNumber,
            @RequestParam(required = false) String sort) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        RecallExport.checkSort(sort); // 400 for an unknown sort before anything is read
        String csv = RecallExport.csv(queries.exportData(recallNumber), sort);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + recallNumber + ".csv\"").body(csv);
    }

    /**
     * {@code GET /api/recalls/{recallNumber}/epcis}: {@code application/ld+json}, the GS1 EPCIS 2.0
     * {@code EPCISDocument} of the recall's frozen scope, the same events as its FSMA 204 export: the receiving or
     * making of each lot in scope and each shipment recorded when the recall opened (see
     * {@link org.lotflow.trace.EpcisDocuments}; a recalled lot's disposition is {@code recalled}). Any member of a
     * business group (else 403); 404 for an unknown recall.
     */
    @GetMapping(value = "/{recallNumber}/epcis", produces = "application/ld+json")
    public ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> epcis(
            @PathVariable String recallNumber) {
        recallNumber = org.lotflow.shared.input.MadeNumbers.asMade(recallNumber); // whatever the case typed (L2)
        org.lotflow.trace.EpcisDocuments.Document document = queries.epcis(recallNumber);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ld+json;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"epcis-" + recallNumber
                        .replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonld\"")
                .body(document::write);
    }
}
