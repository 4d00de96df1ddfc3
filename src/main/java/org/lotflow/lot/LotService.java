package org.lotflow.lot;

import org.lotflow.lot.internal.LotRepository;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.product.Product;
import org.lotflow.product.ProductRepository;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lot registry: creation with genealogy, status changes through the lifecycle, queries. */
@Service
public class LotService {

    private final LotRepository lots;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;
    private final ProductRepository products;
    private final ProductService productService;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public LotService(LotRepository lots, ProductRepository products, ProductService productService,
            LotHistory history, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.productService = productService;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    public record SourceLotInput(String lotNumber, BigDecimal quantity) {
    }

    public record NewLot(String sku, BigDecimal quantity, LocalDate manufactureDate, LocalDate receiptDate,
            String location, String lotNumber, LocalDate expirationDate, String productionOrder,
            List<SourceLotInput> sourceLots, LotSource source) {
    }

    /**
     * Creates a lot in {@code PENDING}, consumes its source lots and publishes {@link LotCreated}
     * (which starts the lab release) in the same transaction: all of it happens, or none.
     */
    @Transactional
    public Lot create(NewLot in) {
        currentUser.require(Groups.PRODUCTION);
        Product product = products.findBySku(in.sku())
                .orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + in.sku() + "'"));
        LocalDate expiration = in.expirationDate() != null ? in.expirationDate()
                : in.manufactureDate().plusMonths(product.getShelfLifeMonths());
        if (!expiration.isAfter(in.manufactureDate())) {
            throw new InvalidInput("expirationDate", "must be after the manufacture date " + in.manufactureDate());
        }
        if (in.receiptDate() != null && in.receiptDate().isBefore(in.manufactureDate())) {
            throw new InvalidInput("receiptDate", "must not be before the manufacture date");
        }
        if (in.manufactureDate().isAfter(LocalDate.now(clock))) {
            throw new InvalidInput("manufactureDate", "must not be in the future (today is " + LocalDate.now(clock) + ")");
        }
        List<SourceLotInput> sourceInputs = in.sourceLots() == null ? List.of() : in.sourceLots();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sourceInputs.size(); i++) {
            if (!seen.add(sourceInputs.get(i).lotNumber())) {
                throw new InvalidInput("sourceLots[" + i + "].lotNumber",
                        "lot " + sourceInputs.get(i).lotNumber() + " is listed twice");
            }
        }

        String lotNumber = in.lotNumber();
        if (lotNumber == null) {
            do {
                lotNumber = productService.nextLotNumber(product, in.manufactureDate().getYear());
            } while (lots.existsByLotNumber(lotNumber));
        } else if (lots.existsByLotNumber(lotNumber)) {
            throw new StateConflict("Lot " + lotNumber + " already exists").with("field", "lotNumber");
        }

        // Lock the source lots in id order (no deadlocks between concurrent creations) before consuming.
        Map<String, Lot> sources = new HashMap<>();
        if (!sourceInputs.isEmpty()) {
            for (Lot s : lots.lockAllByLotNumber(sourceInputs.stream().map(SourceLotInput::lotNumber).toList())) {
                sources.put(s.getLotNumber(), s);
            }
        }
        for (int i = 0; i < sourceInputs.size(); i++) {
            SourceLotInput s = sourceInputs.get(i);
            Lot source = sources.get(s.lotNumber());
            if (source == null) {
                throw new InvalidInput("sourceLots[" + i + "].lotNumber", "no lot '" + s.lotNumber() + "'");
            }
            if (source.getStatus() != LotStatus.RELEASED || source.isExpiredOn(LocalDate.now(clock))) {
                throw new StateConflict("Source lot " + s.lotNumber() + " is " + source.getStatus()
                        + (source.isExpiredOn(LocalDate.now(clock)) ? " and expired" : "")
                        + "; only released, unexpired lots can be consumed").with("lotNumber", s.lotNumber());
            }
        }

        Lot lot = new Lot(lotNumber, product, in.quantity(), in.manufactureDate(), in.receiptDate(), expiration,
                in.location(), in.productionOrder(), in.source() == null ? LotSource.PRODUCTION : in.source(),
                clock.instant(), currentUser.id());
        for (SourceLotInput s : sourceInputs) {
            lot.addSource(sources.get(s.lotNumber()), s.quantity());
        }
        try {
            lot = lots.saveAndFlush(lot);
        } catch (DataIntegrityViolationException e) {
            throw new StateConflict("Lot " + lotNumber + " already exists").with("field", "lotNumber");
        }

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sku", product.getSku());
        detail.put("quantity", lot.getQuantity());
        detail.put("unit", product.getUnit());
        detail.put("manufactureDate", lot.getManufactureDate().toString());
        detail.put("expirationDate", lot.getExpirationDate().toString());
        detail.put("location", lot.getLocation());
        detail.put("productionOrder", lot.getProductionOrder());
        detail.put("source", lot.getSource().name());
        if (!sourceInputs.isEmpty()) {
            detail.put("sourceLots", sourceInputs.stream()
                    .map(s -> Map.of("lotNumber", s.lotNumber(), "quantity", s.quantity())).toList());
        }
        history.event(lot.getId(), LotEventTypes.CREATED).status(null, LotStatus.PENDING)
                .reason("Lot created").details(detail).record();
        for (SourceLotInput s : sourceInputs) {
            Lot source = sources.get(s.lotNumber());
            history.event(source.getId(), LotEventTypes.CONSUMED)
                    .reason("Consumed by lot " + lot.getLotNumber())
                    .detail("quantity", s.quantity()).detail("consumedBy", lot.getLotNumber())
                    .detail("available", source.getAvailable()).record();
            if (source.isFullyUsed()) {
                changeStatus(source, LotStatus.DEPLETED, "All stock consumed or shipped");
            }
        }
        events.publishEvent(new LotCreated(lot.getId(), lot.getLotNumber(), lot.getSource()));
        return lot;
    }

    /**
     * Moves a lot through its lifecycle (409 if the lifecycle forbids it), writes the history
     * event and publishes {@link LotStatusChanged}. The acting user is the thread's identity.
     */
    @Transactional
    public Lot changeStatus(Long lotId, LotStatus next, String reason) {
        Lot lot = lots.findById(lotId).orElseThrow(() -> new NotFound("Lot", String.valueOf(lotId)));
        return changeStatus(lot, next, reason);
    }

    /** Same as {@link #changeStatus(Long, LotStatus, String)} for a lot already loaded (and locked). */
    @Transactional
    public Lot changeStatus(Lot lot, LotStatus next, String reason) {
        return changeStatus(lot, next, reason, Map.of());
    }

    @Transactional
    public Lot changeStatus(Lot lot, LotStatus next, String reason, Map<String, ?> detail) {
        return changeStatus(lot, next, reason, detail, currentUser.id());
    }

    /**
     * Status change on behalf of a named user: a process step run by the job executor records the
     * person whose decision it carries out (the approver of a release, say), not "system".
     */
    @Transactional
    public Lot changeStatus(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser) {
        LotStatus previous = lot.transitionTo(next);
        lots.save(lot);
        history.event(lot.getId(), LotEventTypes.STATUS_CHANGED).by(byUser).status(previous, next).reason(reason)
                .details(detail).record();
        events.publishEvent(new LotStatusChanged(lot.getId(), lot.getLotNumber(), previous, next, reason));
        return lot;
    }

    @Transactional(readOnly = true)
    /**
     * Locks the lot's row for a state change and re-reads it under that lock (PostgreSQL and H2:
     * {@code SELECT ... FOR UPDATE}): a change waits for whoever holds the row (a shipment, an
     * allocation) and then works on the state that one committed, never on a copy read before the
     * lock, which would fail the version check as a "concurrent modification". Issue 9: a hold placed
     * during a shipment waits and wins.
     */
    public Lot lockForChange(Lot lot) {
        // the row lock first (no version check: the copy in hand may be older than the row), then the row
        // as it is now, which nobody else can change while we hold the lock
        entityManager.createNativeQuery("SELECT id FROM lot WHERE id = ? FOR UPDATE").setParameter(1, lot.getId())
                .getResultList();
        if (entityManager.contains(lot)) {
            entityManager.refresh(lot);
            return lot;
        }
        return entityManager.find(Lot.class, lot.getId());
    }

    public Lot get(String lotNumber) {
        return lots.findByLotNumber(lotNumber).orElseThrow(() -> new NotFound("Lot", lotNumber));
    }

    @Transactional(readOnly = true)
    public Lot get(Long lotId) {
        return lots.findById(lotId).orElseThrow(() -> new NotFound("Lot", String.valueOf(lotId)));
    }

    /** The genealogy inputs of a lot: source lot number and quantity consumed. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> sourcesOf(Long lotId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Genealogy g : get(lotId).getSources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lotNumber", g.getSourceLot().getLotNumber());
            m.put("quantity", g.getQuantity());
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> (String) m.get("lotNumber")));
        return out;
    }

    @Transactional(readOnly = true)
    public List<LotHistory.Entry> history(String lotNumber) {
        return history.of(get(lotNumber).getId());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
