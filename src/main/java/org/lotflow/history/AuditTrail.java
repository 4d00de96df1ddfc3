package org.lotflow.history;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.lotflow.history.internal.chain.AuditChainStore;
import org.lotflow.history.internal.chain.AuditSealer;
import org.lotflow.history.internal.chain.BusinessRecordsWalk;
import org.lotflow.history.internal.chain.ChainWalk;
import org.lotflow.history.internal.chain.EventMacCheck;
import org.lotflow.history.internal.chain.MasterDataWalk;
import org.lotflow.history.internal.chain.SignedEventWalk;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident audit trail (issue #16; 21 CFR 11.10(e), EU GMP Annex 11 §9): every event of every lot's
 * history (status changes with the previous and new status, signatures with their meaning, holds, dispositions,
 * recall steps, certificates handed out) is sealed into one SHA-256 hash chain (README, "Audit trail", gives the
 * canonical serialisation). {@link #verify()} seals what is pending, walks the whole chain and records the result;
 * the daily check does the same as the system. On PostgreSQL the tables refuse UPDATE, DELETE and TRUNCATE (V111).
 *
 * <p>Product master data (a product's GMP fields and specification, the limits lab results are judged against) is
 * not in the chain itself: each lot's {@code CREATED} and every {@code LAB_RESULTS_RECORDED} carry its fingerprint
 * ({@link org.lotflow.product.ProductFingerprint}: {@code detail.productMasterData = {sku, sha256}}), and the walk
 * also checks that every product still gives the fingerprint its events recorded; the first event whose product no
 * longer does is the break (after any break of the chain itself). On PostgreSQL the product tables refuse UPDATE,
 * DELETE and TRUNCATE (V193). 21 CFR 11.10(e), EU GMP Annex 11 §9; sig28 M1.
 *
 * <p>The business records lotflow decides and reports from are compared with the trail as well ({@link
 * BusinessRecordsWalk}: each lot's status, shipment line and lab result with its events; audit 29 F2): {@code records
 * = {checked, disagreeing, first: [{table, key, lotNumber, field, recorded, found}, ...]}} (the first 100), and the
 * trail is not intact while any disagrees. On PostgreSQL {@code shipment} and {@code lab_result} refuse UPDATE, DELETE
 * and TRUNCATE (V213).
 *
 * <p>Every event also carries a record seal (HMAC-SHA256 with a key lotflow holds outside the database,
 * {@code chain.EventMac}, audit29 F4): only events whose record seal matches are sealed into the chain, and the
 * walk names every event whose record seal does not match (written by SQL, not by lotflow) after any break of the
 * chain itself and before the master data. 21 CFR 11.10(e), 11.70; EU GMP Annex 11 §9, §14.
 *
 * <p>Gauges at {@code /actuator/prometheus}: {@code lotflow_audit_chain_intact} (1 intact, 0 broken, NaN before the
 * first check) and {@code lotflow_audit_chain_events} (events in the chain at the last check).
 */
@Service
public class AuditTrail {

    /**
     * Where the chain first breaks: its position, the event (null when gone), the event's lot and the problem; for a
     * business row that disagrees with what its event signed ({@link SignedRecords}), the position and event it
     * disagrees with (both null for a row claiming a signed decision no event records) and {@code signedRecord}: the
     * table, the row's key and the field (column). {@code signedRecord} is null for any other break (and for a check
     * read back from the table after a restart, whose {@code problem} names them).
     */
    public record Break(Long position, Long eventId, String lotNumber, String problem, SignedRecord signedRecord) {

        public Break(Long position, Long eventId, String lotNumber, String problem) {
            this(position, eventId, lotNumber, problem, null);
        }
    }

    /** The business row a break names: {@code table}, its {@code key} ("id 12", "order_number SO-1"), {@code field}. */
    public record SignedRecord(String table, String key, String field) {
    }

    /**
     * A verification: {@code intact}, the number of {@code events} in the chain, the {@code lastHash} (lowercase hex
     * SHA-256; an auditor may keep it to compare with later checks), the first break (null when intact), when and
     * by whom ({@code system} for the daily check).
     */
    public record Verification(boolean intact, long events, String lastHash, Break firstBroken, Instant checkedAt,
            String checkedBy, BusinessRecords.Reconciliation records) {
    }

    private final AuditSealer sealer;
    private final AuditChainStore store;
    private final EventMacCheck macCheck;
    private final LotNumbers lotNumbers;
    private final ProductService products;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final AtomicReference<Verification> last = new AtomicReference<>();
    private final BusinessRecordsWalk businessRecords;

    private final List<SignedRecords> signedRecords;

    public AuditTrail(AuditSealer sealer, AuditChainStore store, EventMacCheck macCheck, LotNumbers lotNumbers,
            ProductService products, CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions,
            MeterRegistry meters, List<SignedRecords> signedRecords, BusinessRecordsWalk businessRecords) {
        this.signedRecords = List.copyOf(signedRecords);
        this.businessRecords = businessRecords;
        this.sealer = sealer;
        this.macCheck = macCheck;
        this.products = products;
        this.lotNumbers = lotNumbers;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        Gauge.builder("lotflow.audit.chain.intact", last, l -> l.get() == null ? Double.NaN : l.get().intact() ? 1 : 0)
                .description("1 when the last check found the audit trail's hash chain intact, 0 when broken")
                .register(meters);
        Gauge.builder("lotflow.audit.chain.events", last, l -> l.get() == null ? Double.NaN : l.get().events())
                .description("events in the audit trail's hash chain at the last check").register(meters);
    }

    /** Verifies the chain as the caller (QA managers and administrators; 403 otherwise) and records the result. */
    public Verification verify() {
        currentUser.require(Groups.QA_MANAGER, Groups.ADMIN);
        currentUser.requireOwnPassword(); // the check is recorded in their name (re-test 2026-12-06 E3)
        return check(currentUser.id());
    }

    /**
     * Seals every pending event (all of them, stragglers of long transactions included), walks the chain from its
     * first position and records the result, as {@code checkedBy}.
     */
    public Verification check(String checkedBy) {
        sealer.seal(true);
        Verification chain = readOnly.execute(status -> {
            // the head first, then the seals up to it: a sealer committing between the two reads (another check's
            // sealing, the background run) adds seals beyond this head, which this walk leaves to the next check,
            // instead of making a head further on than the seals read look like seals deleted at the end
            AuditChainStore.Head head = store.head();
            ChainWalk walk = new ChainWalk();
            MasterDataWalk masterData = new MasterDataWalk();
            Set<String> signedTypes = new HashSet<>();
            signedRecords.forEach(r -> signedTypes.addAll(r.types()));
            SignedEventWalk signed = new SignedEventWalk(signedTypes);
            store.walk(walk, masterData, signed, head.position());
            walk.end(head.position(), head.hash());
            // a broken chain first (the fingerprints read are then not vouched for), else a product whose master data
            // no longer gives the fingerprint its chained events recorded (sig28 M1), else a business row that no
            // longer says what its chained event signed (re-test N3); events lotflow did not write (their record seal
            // does not match, audit29 F4) right after a break of the chain itself
            ChainWalk.Break b = walk.broken() != null ? walk.broken() : notWrittenByLotflow();
            b = b != null ? b : masterData.end(products::fingerprint);
            Break first = b == null ? null : new Break(b.position(), b.eventId(), lotNumberOf(b.eventId()),
                    b.problem());
            if (first == null) {
                first = firstDisagreement(signed.events());
            }
            return new Verification(first == null, walk.events(), walk.lastHash(), first, clock.instant(), checkedBy,
                    null);
        });
        // the records lotflow acts on, compared with the trail (audit 29 F2)
        BusinessRecords.Reconciliation records = businessRecords.walk();
        Verification v = new Verification(chain.intact() && records.agrees(), chain.events(), chain.lastHash(),
                chain.firstBroken(), chain.checkedAt(), checkedBy, records);
        writing.executeWithoutResult(status -> store.record(new AuditChainStore.Check(v.checkedAt(), checkedBy,
                v.intact(), v.events(), v.lastHash(), v.firstBroken() == null ? null : v.firstBroken().position(),
                v.firstBroken() == null ? null : v.firstBroken().eventId(),
                v.firstBroken() != null ? v.firstBroken().problem() : records.agrees() ? null
                        : BusinessRecordsWalk.summary(records))));
        last.set(v);
        return v;
    }

    /**
     * The first business row (by the position of the event it disagrees with; rows no event records last) whose signed
     * fields disagree with the chained events ({@link SignedRecords}), or null.
     */
    private Break firstDisagreement(List<SignedRecords.SignedEvent> events) {
        SignedRecords.Disagreement first = null;
        for (SignedRecords r : signedRecords) {
            Collection<String> types = r.types();
            for (SignedRecords.Disagreement d : r.check(events.stream().filter(e -> types.contains(e.type()))
                    .toList())) {
                if (first == null || d.position() != null && (first.position() == null
                        || d.position() < first.position())) {
                    first = d;
                }
            }
        }
        if (first == null) {
            return null;
        }
        return new Break(first.position(), first.eventId(), first.lotId() == null ? null
                : lotNumbers.lotNumberOf(first.lotId()).orElse(null), first.problem(),
                new SignedRecord(first.table(), first.key(), first.field()));
    }

    /**
     * Every event whose record seal does not match (audit29 F4: written by SQL, not by lotflow), as one break at
     * position 0 (outside the chain) naming the first {@value EventMacCheck#NAMED} of them; null when there is none.
     */
    private ChainWalk.Break notWrittenByLotflow() {
        EventMacCheck.Result macs = macCheck.check();
        return macs.clean() ? null : new ChainWalk.Break(0, macs.named().get(0).eventId(),
                macs.problem(lotId -> lotNumbers.lotNumberOf(lotId).orElse(null)));
    }

    private String lotNumberOf(Long eventId) {
        Long lotId = store.lotIdOf(eventId);
        return lotId == null ? null : lotNumbers.lotNumberOf(lotId).orElse(null);
    }

    /**
     * A start of lotflow with its clock on a fixed day ({@code lotflow.today}), as the chained {@code CLOCK_SET} event
     * recorded it: the event's id and time (on the fixed day's clock), who ({@code system}), the sentence, and
     * {@code detail} ({@code fixedDay}, {@code realTime}, {@code clockStartedAt}, {@code zone}, {@code allowedBy},
     * {@code node}, {@code process}, {@code osUser}, {@code movedOnBy}). 21 CFR 11.10(e); sig28 L3.
     */
    public record ClockSetting(long eventId, Instant at, String userId, String reason,
            java.util.Map<String, Object> detail) {
    }

    /**
     * The newest 100 starts on a fixed day ({@code CLOCK_SET}), newest first, for QA managers and administrators (403
     * otherwise); empty when lotflow always ran on the real clock.
     */
    public java.util.List<ClockSetting> clockSettings() {
        currentUser.require(Groups.QA_MANAGER, Groups.ADMIN);
        return readOnly.execute(status -> store.plantEvents("CLOCK_SET", 100)).stream().map(e -> new ClockSetting(
                e.eventId(), e.at(), e.userId(), e.reason(), LotHistory.readDetail(e.detail()))).toList();
    }

    /** Seals the events committed since the last run (the regular background run); answers how many. */
    public long sealPending() {
        return sealer.seal(false);
    }

    /** The last recorded check, from memory or, after a restart, from the table (empty before the first). */
    public Optional<Verification> latest() {
        Verification v = last.get();
        if (v != null) {
            return Optional.of(v);
        }
        Optional<Verification> stored = readOnly.execute(status -> store.latest().map(c -> new Verification(c.intact(),
                c.events(), c.lastHash(), c.intact() ? null : new Break(c.brokenPosition(),
                        c.brokenEventId(), lotNumberOf(c.brokenEventId()), c.problem()), c.checkedAt(),
                c.checkedBy(), null)));
        stored.ifPresent(s -> last.compareAndSet(null, s));
        return stored;
    }
}
