package org.lotflow.lot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.LotService.NewLot;
import org.lotflow.lot.LotService.SourceLotInput;
import org.lotflow.lot.internal.LotRepository;
import org.lotflow.lot.internal.NewLotRules;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.SpacedNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "create a lot" (the seed, "Lot creation" and "Genealogy"; FSMA 204 key data elements): a
 * PENDING lot numbered from its product's pattern (or as given), its source lots consumed under their
 * row locks (a {@link LotSource#REPACKAGING} lot has at least one and expires no later than the earliest of them:
 * {@link NewLotRules#requireSourcesOfRepacked}, {@link NewLotRules#repackedExpiration}), its history written and {@link LotCreated} published (which starts the lab release), all
 * in one transaction. Package-private (it uses the lot's package-private constructor and
 * {@link Lot#addSource}): other modules call {@link LotService#create}.
 */
@Service
class LotCreation {

    private final LotRepository lots;
    private final ProductService products;
    private final LotStatusChange statusChange;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LotCreation(LotRepository lots, ProductService products, LotStatusChange statusChange, LotHistory history,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.lots = lots;
        this.products = products;
        this.statusChange = statusChange;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Lot create(NewLot in) {
        currentUser.requireToRecord("create a lot", Groups.PRODUCTION);
        // searched and grouped by (the lot list, FSMA 204's locationWithinPlant): never edge or double spaces (auditor
        // round 22 M1)
        InputRules.require("location", SpacedNames.searched(in.location(), "location"));
        // an empty location is none, as an empty production order (re-test 2026-12-07 F8: "" was kept as a location)
        String location = in.location() == null || in.location().isEmpty() ? null : in.location();
        // the batch record's number, FSMA 204's reference document and EPCIS's prodorder: one line of visible text in
        // one script per word, as a delivery reference (auditor 2026-12-06 F1: "PО-1" with a Cyrillic O was taken);
        // kept as typed, never trimmed (a text of spaces only is refused, not read as none: auditor round 22 M1)
        String productionOrder = in.productionOrder() == null || in.productionOrder().isEmpty() ? null
                : in.productionOrder();
        InputRules.require("productionOrder", SpacedNames.searched(productionOrder, "production order"));
        LocalDate today = LocalDate.now(clock);
        Product product = products.findBySku(in.sku())
                .orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + in.sku() + "'"));
        // a count of packages (drums) or serialised units: whole numbers only, before a lot number is taken (audit 28
        // F2: a lot of 0.5 drums was made and written to EPCIS as 0.5 items)
        org.lotflow.product.WholeUnits.require("quantity", product, in.quantity());
        LotSource source = in.source() == null ? LotSource.PRODUCTION : in.source();
        LocalDate expiration = NewLotRules.expiration(in.manufactureDate(), in.receiptDate(), in.expirationDate(),
                product.getShelfLifeMonths(), today, source == LotSource.RECEIPT);
        NewLotRules.requireReceiptOnlyForReceived(source, in.receipt() != null);
        List<SourceLotInput> typed = in.sourceLots() == null ? List.of() : in.sourceLots();
        // as stored, whatever the case typed (B2): "rm-1" beside "RM-1" is listed twice, and the records name RM-1
        List<String> sourceNumbers = LotStock.asStored(lots, typed.stream().map(SourceLotInput::lotNumber).toList());
        List<SourceLotInput> inputs = java.util.stream.IntStream.range(0, typed.size())
                .mapToObj(i -> new SourceLotInput(sourceNumbers.get(i), typed.get(i).quantity())).toList();
        NewLotRules.requireDistinct(sourceNumbers);
        NewLotRules.requireSourcesOfRepacked(source, inputs.size());
        String lotNumber = lotNumber(in, product);

        // Lock the source lots in id order (no deadlocks between concurrent creations) before consuming.
        Map<String, Lot> locked = new HashMap<>();
        if (!inputs.isEmpty()) {
            lots.lockAllByLotNumber(sourceNumbers).forEach(s -> locked.put(s.getLotNumber(), s));
        }
        for (int i = 0; i < inputs.size(); i++) {
            Lot input = NewLotRules.requireConsumable(i, sourceNumbers.get(i), locked.get(sourceNumbers.get(i)), today);
            NewLotRules.requireMadeAfter(i, input, in.manufactureDate());
            NewLotRules.requireWholeUnits(i, input, inputs.get(i).quantity());
            NewLotRules.requireWholeSerialisedLot(i, input, inputs.get(i).quantity());
        }
        // repacking does not renew shelf life: never later than the earliest source (mass test 27 M1); a lot made
        // here from its sources is a new product with its own shelf life, and keeps it
        String expirationReason = null;
        if (source == LotSource.REPACKAGING) {
            NewLotRules.RepackedExpiration repacked = NewLotRules.repackedExpiration(expiration,
                    in.expirationDate() != null, inputs.stream().map(s -> locked.get(s.lotNumber())).toList());
            expiration = repacked.date();
            expirationReason = repacked.reason();
        }

        Lot lot = new Lot(lotNumber, product, in.quantity(), in.manufactureDate(), in.receiptDate(), expiration,
                location, productionOrder, source, clock.instant(), currentUser.id());
        if (in.receipt() != null) {
            lot.receivedFrom(in.receipt().supplier(), in.receipt().supplierLotNumber(),
                    in.receipt().deliveryReference(), in.receipt().manufactureDateStated());
        }
        for (SourceLotInput s : inputs) {
            lot.addSource(locked.get(s.lotNumber()), s.quantity());
        }
        try {
            lot = lots.saveAndFlush(lot);
        } catch (DataIntegrityViolationException e) {
            throw new StateConflict("Lot " + lotNumber + " already exists").with("field", "lotNumber");
        }
        recordCreation(lot, inputs, locked, expirationReason);
        for (SourceLotInput s : inputs) {
            Lot used = locked.get(s.lotNumber());
            if (used.getProduct().isSerialised()) { // consumed whole (NewLotRules): its serials are used up (G6)
                events.publishEvent(new LotStockLeft(used.getId(), LotStockLeft.How.CONSUMED));
            }
        }
        String unfitSupplierLot = in.receipt() == null ? null : in.receipt().unfitSupplierLot();
        events.publishEvent(new LotCreated(lot.getId(), lot.getLotNumber(), lot.getSource(),
                startsInQuarantine(lot) || unfitSupplierLot != null, unfitSupplierLot));
        return lot;
    }

    /**
     * Unidentified stock, and a received lot of a product received into quarantine
     * ({@link org.lotflow.product.ReceivingStatus#QUARANTINE}), start in quarantine through a hold (as does a received
     * lot of a supplier lot with a RECALLED or REJECTED lot: {@link LotService.Receipt#unfitSupplierLot}).
     */
    private static boolean startsInQuarantine(Lot lot) {
        return lot.getSource() == LotSource.UNIDENTIFIED_STOCK || (lot.getSource() == LotSource.RECEIPT
                && lot.getProduct().getReceivingStatus() == org.lotflow.product.ReceivingStatus.QUARANTINE);
    }

    /** The number given (409 when taken) or the next free one of the product's pattern. */
    private String lotNumber(NewLot in, Product product) {
        String lotNumber = in.lotNumber();
        if (lotNumber == null) {
            do {
                lotNumber = products.nextLotNumber(product, in.manufactureDate().getYear());
            } while (lots.findLotNumberIgnoringCase(lotNumber).isPresent());
        } else {
            org.lotflow.product.LotNumberPattern scheme = product.getLotNumberPattern();
            int year = in.manufactureDate().getYear();
            if (!scheme.matches(lotNumber, year)) {
                // the plant's numbering scheme, followed by hand too (seed: "Assign lot number - follow established
                // numbering scheme"; auditor 2026-12-05 A7: any number was taken)
                throw new InvalidInput("lotNumber", "'" + lotNumber + "' does not follow the numbering scheme of "
                        + product.getSku() + ", " + scheme.pattern() + ", for a lot made in " + year + " (for example "
                        + scheme.format(year, 1) + "; the sequence has its digits, more only from " + scheme.format(year,
                        (int) Math.pow(10, scheme.sequenceDigits())) + " on, never extra leading zeros); leave it empty"
                        + " and lotflow gives the next number");
            }
            lotNumber = scheme.inSchemeCase(lotNumber, year);
            String taken = lots.findLotNumberIgnoringCase(lotNumber).orElse(null);
            if (taken != null) {
                throw new StateConflict(taken.equals(lotNumber) ? "Lot " + lotNumber + " already exists"
                        : "Lot " + taken + " already exists; " + lotNumber + " differs from it only in case and would be"
                                + " read as the same lot").with("field", "lotNumber");
            }
        }
        return lotNumber;
    }

    /**
     * CREATED for the new lot (with {@code expirationDateReason} when its expiration date is not the one stated or
     * its shelf life's: a repacked lot's, cut back to its earliest source's; and {@code productMasterData}, the
     * product's {@link org.lotflow.product.ProductFingerprint}); CONSUMED (and DEPLETED when used up) for
     * each source lot.
     */
    private void recordCreation(Lot lot, List<SourceLotInput> inputs, Map<String, Lot> sources,
            String expirationReason) {
        Product product = lot.getProduct();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sku", product.getSku());
        detail.put("quantity", lot.getQuantity());
        detail.put("unit", product.getUnit());
        detail.put("manufactureDate", lot.getManufactureDate().toString());
        detail.put("expirationDate", lot.getExpirationDate().toString());
        if (expirationReason != null) {
            detail.put("expirationDateReason", expirationReason);
        }
        detail.put("location", lot.getLocation());
        detail.put("productionOrder", lot.getProductionOrder());
        detail.put("source", lot.getSource().name());
        if (lot.isReceived()) {
            detail.put("receiptDate", lot.getReceiptDate() == null ? null : lot.getReceiptDate().toString());
            detail.put("supplier", lot.getSupplier());
            detail.put("supplierLotNumber", lot.getSupplierLotNumber());
            detail.put("deliveryReference", lot.getDeliveryReference());
            detail.put("manufactureDateStated", !lot.isManufactureDateAssumed());
        }
        if (!inputs.isEmpty()) {
            detail.put("sourceLots", inputs.stream()
                    .map(s -> Map.of("lotNumber", s.lotNumber(), "quantity", Lot.recorded(s.quantity()))).toList());
        }
        // the fingerprint of the product's master data and specification the lot is made or received under, chained
        // with the lot's first event: the audit check names a specification changed in the database (sig28 M1)
        detail.put(org.lotflow.product.ProductFingerprint.DETAIL, org.lotflow.product.ProductFingerprint.detail(product));
        history.event(lot.getId(), LotEventTypes.CREATED).status(null, LotStatus.PENDING)
                .reason("Lot created").details(detail).record();
        for (SourceLotInput s : inputs) {
            Lot source = sources.get(s.lotNumber());
            history.event(source.getId(), LotEventTypes.CONSUMED)
                    .reason("Consumed by lot " + lot.getLotNumber())
                    .detail("quantity", Lot.recorded(s.quantity())).detail("consumedBy", lot.getLotNumber())
                    .detail("available", source.getAvailable()).record();
            if (source.isFullyUsed()) {
                statusChange.change(source, LotStatus.DEPLETED, "All stock consumed or shipped", Map.of(),
                        currentUser.id());
            }
        }
    }
}
