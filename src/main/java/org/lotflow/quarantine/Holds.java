package org.lotflow.quarantine;

import java.util.Arrays;
import java.util.List;

import org.lotflow.lot.LotService;
import org.lotflow.quarantine.internal.HoldInput;
import org.lotflow.quarantine.internal.HoldPlacement;
import org.lotflow.quarantine.internal.HoldRules;
import org.lotflow.quarantine.internal.HoldSource;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing a hold for other modules' screens (the Console): the very use case of
 * {@code POST /api/lots/{lotNumber}/holds} ({@link HoldPlacement#hold}), with the source given as text as a
 * form sends it. Refusals in the API's order: a caller outside QA 403, an unknown lot 404, a field 400
 * ({@code reason}, {@code source}, {@code reference}, naming it), a lot that cannot be held now 409.
 */
@Service
public class Holds {

    /**
     * The sources a person may choose (RECEIPT holds are placed by a receipt, RECALLED_MATERIAL and UNFIT_MATERIAL by
     * a lab release stopped by a recalled, held or rejected source, never by hand).
     */
    public static final List<String> SOURCES = Arrays.stream(HoldSource.values())
            .filter(s -> s != HoldSource.RECEIPT && s != HoldSource.RECALLED_MATERIAL
                    && s != HoldSource.UNFIT_MATERIAL).map(Enum::name).toList();

    /**
     * Each of {@link #SOURCES} in a QA person's words, as Tasklist's hold form (quarantineStart.form) shows it (new user
     * 2026-12-06 F11: the Console offered the codes).
     */
    public static final java.util.Map<String, String> SOURCE_WORDS = java.util.Map.of("COMPLAINT", "Customer complaint",
            "TEST_FAILURE", "Test failure", "UNIDENTIFIED_STOCK", "Unidentified stock", "REGULATOR", "Regulator",
            "OTHER", "Other");

    /**
     * Every trigger of a hold in words, the two lotflow places itself included: for what people read (the Console,
     * Tasklist's forms, the Console's reports), the codes staying in the API and the CSV (new user 2026-12-07 L5).
     */
    public static final java.util.Map<String, String> TRIGGER_WORDS;

    static {
        java.util.Map<String, String> words = new java.util.LinkedHashMap<>(SOURCE_WORDS);
        words.put("RECEIPT", "Received into quarantine");
        words.put("RECALLED_MATERIAL", "Made from recalled material");
        words.put("UNFIT_MATERIAL", "Made from held or rejected material, or of a supplier lot QA found unfit");
        TRIGGER_WORDS = java.util.Collections.unmodifiableMap(words);
    }

    /**
     * A hold's reason as shown after its trigger: without the trigger's words when the reason begins with them (the
     * holds lotflow places itself write "Received into quarantine: product ..."), so a form does not read "Received
     * into quarantine: Received into quarantine: ..." (re-test 2026-12-07 L3).
     */
    public static String reasonAfterTrigger(String source, String reason) {
        String words = triggerInWords(source);
        return reason != null && words != null && reason.startsWith(words + ": ")
                ? reason.substring(words.length() + 2) : reason;
    }

    /** A hold's trigger ({@code COMPLAINT}) in words ("Customer complaint"); an unknown code as it is. */
    public static String triggerInWords(String source) {
        return source == null ? null : TRIGGER_WORDS.getOrDefault(source, source);
    }

    private final HoldPlacement placement;
    private final CurrentUser currentUser;
    private final LotService lots;
    private final org.lotflow.quarantine.internal.QuarantineQueries queries;

    public Holds(HoldPlacement placement, CurrentUser currentUser, LotService lots,
            org.lotflow.quarantine.internal.QuarantineQueries queries) {
        this.placement = placement;
        this.currentUser = currentUser;
        this.lots = lots;
        this.queries = queries;
    }

    /**
     * Whether the lot has a hold still open: placed, and its signed disposition not carried out yet. The hold owns the
     * lot until a QA manager decides: the expiry run leaves such a lot in QUARANTINE past its expiration date, and the
     * disposition decides what it becomes (audit 26 F3). Read from the hold records ({@code lot_hold}), under the
     * caller's lock of the lot when it changes the lot.
     */
    public boolean isHeld(Long lotId) {
        return queries.active(lotId).isPresent();
    }

    /**
     * Whether the lot may be held now: RELEASED, or PENDING outside a lab release (one stopped, say), and not held
     * already. A lot under lab release is not: its lab results or its refused release decide it.
     */
    public boolean holdable(org.lotflow.lot.Lot lot) {
        return placement.holdable(lot);
    }

    /** A placed hold: the lot's status now and the investigation's process instance. */
    public record Placed(String lotNumber, String status, String processInstanceId) {
    }

    /** Holds the lot; {@code quarantineInvestigation} starts on it. */
    @Transactional
    public Placed hold(String lotNumber, String reason, String source, String reference) {
        // 403 first, from the session's groups; the placement checks membership and own password (one trail read)
        currentUser.requireMembership("place a lot on hold", Groups.QA_ANALYST, Groups.QA_MANAGER);
        lots.get(lotNumber);
        HoldSource parsed = HoldRules.source(source);
        HoldPlacement.Placed placed = placement.hold(lotNumber, new HoldInput(reason, parsed,
                reference == null || reference.isEmpty() ? null : reference)); // spaces refused (re-test G5)
        return new Placed(placed.lot().getLotNumber(), placed.lot().getStatus().name(), placed.processInstanceId());
    }
}
