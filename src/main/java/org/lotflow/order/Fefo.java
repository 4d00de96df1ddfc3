package org.lotflow.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;

/**
 * The allocation rules in one place (seed chapter, "Expiration management" and the FIFO management
 * report; FSMA 204 traceability depends on knowing which lot went where): FEFO order (earliest
 * expiration, then earliest manufacture, then lot number), expiry on the expiration date itself
 * ({@code expirationDate <= day} is expired), the customer's minimum shelf life at the ship date, and
 * the split of an order over the eligible lots with its shortfall.
 *
 * <p>Plain functions of {@link Candidate}s (no Spring, no database, no engine): the use cases read and
 * lock the lots, these rules decide. Quantities are in the product's unit, shelf life in calendar months.
 */
public final class Fefo {

    /**
     * What the rules look at of one lot: its identity, status, dates, the quantity still available, and whether it was
     * released on a concession (despite a confirmed out-of-specification result: never allocated under the normal
     * rules, only as a requested lot a QA manager approves; new user 2026-12-06 F17).
     */
    public record Candidate(Long id, String lotNumber, LotStatus status, LocalDate manufactureDate,
            LocalDate expirationDate, BigDecimal available, boolean concession) {

        /** A lot not released on a concession. */
        public Candidate(Long id, String lotNumber, LotStatus status, LocalDate manufactureDate,
                LocalDate expirationDate, BigDecimal available) {
            this(id, lotNumber, status, manufactureDate, expirationDate, available, false);
        }

        public Candidate {
            Objects.requireNonNull(lotNumber);
            Objects.requireNonNull(status);
            Objects.requireNonNull(manufactureDate);
            Objects.requireNonNull(expirationDate);
            Objects.requireNonNull(available);
        }

        /** The rules' view of a lot as it is now (read it under its lock when the answer leads to a write). */
        public static Candidate of(Lot lot) {
            return new Candidate(lot.getId(), lot.getLotNumber(), lot.getStatus(), lot.getManufactureDate(),
                    lot.getExpirationDate(), lot.getAvailable(), lot.isReleasedOnConcession());
        }

        /** Expired on {@code day}: the expiration date has come ({@code expirationDate <= day}). */
        public boolean expiredOn(LocalDate day) {
            return Fefo.expiredOn(expirationDate, day);
        }
    }

    /** One line of an allocation plan: take {@code quantity} (&gt; 0) of this lot. */
    public record Take(Candidate lot, BigDecimal quantity) {
    }

    /**
     * What FEFO allocates of an order: the lines in FEFO order, and the quantity no eligible lot could
     * cover ({@code shortfall}, 0 when the order is fully allocated, never negative).
     */
    public record Plan(List<Take> takes, BigDecimal shortfall) {
    }

    /**
     * First expired, first out; ties broken by manufacture date, then lot number (lotflow's convention, so that the
     * same stock is always allocated the same way; no FEFO rule: see {@link #skippedFor}).
     */
    public static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::expirationDate)
            .thenComparing(Candidate::manufactureDate).thenComparing(Candidate::lotNumber);

    /** {@link #ORDER} for lot entities (reports list lots in the order FEFO allocates them). */
    public static final Comparator<Lot> LOT_ORDER = Comparator.comparing(Candidate::of, ORDER);

    private Fefo() {
    }

    /** Expired on {@code day}: the expiration date itself is the first day a lot is expired. */
    public static boolean expiredOn(LocalDate expirationDate, LocalDate day) {
        return !expirationDate.isAfter(day);
    }

    /**
     * The date shelf life and expiry are judged at: the order's required date, or today when none is
     * given (or it has passed).
     */
    public static LocalDate shipDate(LocalDate requiredBy, LocalDate today) {
        return requiredBy == null || requiredBy.isBefore(today) ? today : requiredBy;
    }

    /** Released, not expired today, and not expired by the ship date. Quantity is not looked at. */
    public static boolean releasable(Candidate lot, LocalDate today, LocalDate shipDate) {
        return lot.status() == LotStatus.RELEASED && !lot.expiredOn(today) && !lot.expiredOn(shipDate);
    }

    /**
     * Remaining shelf life at the ship date is at least {@code minMonths} calendar months, the
     * expiration date counting as the last day (no minimum: always true).
     */
    public static boolean meetsShelfLife(Candidate lot, LocalDate shipDate, Integer minMonths) {
        return minMonths == null || !lot.expirationDate().isBefore(shipDate.plusMonths(minMonths));
    }

    /**
     * The earliest expiration date an eligible lot can have ({@link #eligible}: releasable and shelf life
     * met): the day after the ship date (which is never before today), or the ship date plus the
     * customer's minimum shelf life when that is later. The database preselects FEFO candidates with
     * {@code expiration_date >= } this date; the rules judge them again once they are locked.
     */
    public static LocalDate earliestEligibleExpiration(LocalDate today, LocalDate shipDate, Integer minMonths) {
        LocalDate notExpired = (shipDate.isAfter(today) ? shipDate : today).plusDays(1);
        if (minMonths == null) {
            return notExpired;
        }
        LocalDate shelfLife = shipDate.plusMonths(minMonths);
        return shelfLife.isAfter(notExpired) ? shelfLife : notExpired;
    }

    /**
     * The first day on which {@code lot} is no longer {@link #eligible} by its dates for a shipment that day: its
     * expiration date, or earlier the first day it has less than {@code minMonths} of shelf life left (no minimum: the
     * expiration date). Status and stock are not looked at.
     */
    public static LocalDate firstDayNotEligible(Candidate lot, Integer minMonths) {
        if (minMonths == null) {
            return lot.expirationDate();
        }
        LocalDate day = lot.expirationDate().minusMonths(minMonths).minusDays(3);
        while (meetsShelfLife(lot, day, minMonths) && day.isBefore(lot.expirationDate())) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Allocatable under the normal rules: releasable, shelf life met, stock available, not released on a concession
     * (the SQL that preselects FEFO candidates leaves those out too, {@code LotRepository.NOT_CONCESSION}).
     */
    public static boolean eligible(Candidate lot, LocalDate today, LocalDate shipDate, Integer minMonths) {
        return releasable(lot, today, shipDate) && meetsShelfLife(lot, shipDate, minMonths)
                && lot.available().signum() > 0 && !lot.concession();
    }

    /** {@link #eligible(Candidate, LocalDate, LocalDate, Integer)} of a lot as it is now. */
    public static boolean eligible(Lot lot, LocalDate today, LocalDate shipDate, Integer minMonths) {
        return eligible(Candidate.of(lot), today, shipDate, minMonths);
    }

    /**
     * Splits {@code needed} over the candidates by FEFO under the normal rules: eligible lots only
     * (the one with id {@code excludeLotId}, if any, left out), earliest first, each giving at most what
     * it has available. What they cannot cover is the plan's shortfall.
     */
    public static Plan allocate(List<Candidate> candidates, BigDecimal needed, LocalDate today, LocalDate shipDate,
            Integer minMonths, Long excludeLotId) {
        List<Candidate> eligible = candidates.stream()
                .filter(l -> excludeLotId == null || !excludeLotId.equals(l.id()))
                .filter(l -> eligible(l, today, shipDate, minMonths))
                .sorted(ORDER).toList();
        List<Take> takes = new ArrayList<>();
        BigDecimal remaining = needed;
        for (Candidate lot : eligible) {
            if (remaining.signum() <= 0) {
                break;
            }
            BigDecimal take = lot.available().min(remaining);
            takes.add(new Take(lot, take));
            remaining = remaining.subtract(take);
        }
        return new Plan(List.copyOf(takes), remaining.max(BigDecimal.ZERO));
    }

    /**
     * The eligible lots a requested lot skips (what an override of FEFO must name), in FEFO order: those that expire
     * strictly before it. FEFO is "first expiry, first out" (EU GDP 2013/C 343/01, 5.5: "Stock should be rotated
     * according to the first expiry, first out (FEFO) principle. Exceptions should be documented"): only an earlier
     * expiration date puts a lot ahead. Lots expiring the same day are a tie; {@link #ORDER}'s manufacture date and lot
     * number only make lotflow's own choice among them repeatable, and a requested lot of the same expiry bends no
     * FEFO rule (new user 2026-12-07 F4: two lots expiring 2027-01-28, the requested one was said to "skip an older
     * lot" and sent to QA as a deviation).
     */
    public static List<Candidate> skippedFor(Candidate requested, List<Candidate> candidates, LocalDate today,
            LocalDate shipDate, Integer minMonths) {
        return candidates.stream()
                .filter(l -> !Objects.equals(l.id(), requested.id()))
                .filter(l -> eligible(l, today, shipDate, minMonths))
                .filter(l -> l.expirationDate().isBefore(requested.expirationDate()))
                .sorted(ORDER).toList();
    }

    /**
     * Splits {@code needed} for an order that asks for {@code requested} and needs no override ({@link #skippedFor}
     * empty, shelf life met): the requested lot first, as much as it has available, and what it does not cover by FEFO
     * from the other candidates ({@link #allocate} without it). A requested lot that is not eligible gives nothing,
     * and FEFO covers the whole. With no eligible lot expiring before the requested one this is a FEFO allocation:
     * only the tie-break among lots of its expiry follows the customer (new user 2026-12-07 F4).
     */
    public static Plan allocateRequestedFirst(Candidate requested, List<Candidate> candidates, BigDecimal needed,
            LocalDate today, LocalDate shipDate, Integer minMonths) {
        List<Take> takes = new ArrayList<>();
        BigDecimal remaining = needed;
        if (eligible(requested, today, shipDate, minMonths) && needed.signum() > 0) {
            BigDecimal take = requested.available().min(needed);
            takes.add(new Take(requested, take));
            remaining = remaining.subtract(take);
        }
        Plan rest = allocate(candidates, remaining, today, shipDate, minMonths, requested.id());
        takes.addAll(rest.takes());
        return new Plan(List.copyOf(takes), rest.shortfall());
    }

    /**
     * Months from {@code from} to the expiration date, one decimal (22.2 = 22 months and a few days);
     * 0.0 once expired.
     */
    public static BigDecimal monthsRemaining(LocalDate expirationDate, LocalDate from) {
        if (!expirationDate.isAfter(from)) {
            return BigDecimal.ZERO.setScale(1);
        }
        long months = ChronoUnit.MONTHS.between(from, expirationDate);
        LocalDate anchor = from.plusMonths(months);
        long days = ChronoUnit.DAYS.between(anchor, expirationDate);
        long monthLength = ChronoUnit.DAYS.between(anchor, anchor.plusMonths(1));
        return BigDecimal.valueOf(months).add(BigDecimal.valueOf(days)
                .divide(BigDecimal.valueOf(monthLength), 3, RoundingMode.HALF_UP)).setScale(1, RoundingMode.HALF_UP);
    }

    /** {@link #monthsRemaining(LocalDate, LocalDate)} of a lot. */
    public static BigDecimal monthsRemaining(Lot lot, LocalDate from) {
        return monthsRemaining(lot.getExpirationDate(), from);
    }
}
