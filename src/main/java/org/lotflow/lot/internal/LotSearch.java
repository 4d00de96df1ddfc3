package org.lotflow.lot.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists lots in FEFO order (earliest expiration, then earliest manufacture, then lot number) with
 * keyset pagination: the cursor ({@link LotCursor}) is the sort key of the last lot returned, so pages
 * stay stable while lots are added and each page costs one indexed range scan however deep it is. The
 * filter rules are {@link LotFilter}'s.
 *
 * <p>Built for a plant's million lots (issue #11, {@code bench/lot-list.sh}, plans in {@code bench/plans}):
 * one query per page and no count (the API never returns a total); the product is filtered by its id
 * (looked up once by SKU), never through a join; the cursor is a row-value comparison
 * {@code (expiration_date, manufacture_date, lot_number) > (?, ?, ?)}, which both PostgreSQL and H2 turn
 * into the start of an index range. Every filter combination has an index that starts with its
 * equality columns and continues in FEFO order ({@code V80__lot_list_indexes.sql}; the supplier lot number's,
 * {@code ix_lot_supplier_lot_key_fefo} on its key ({@link SupplierLotRules#key}), in
 * {@code V190__lot_supplier_lot_key_fefo.sql}: the number is found whatever its capitals, spaces and dashes, and a
 * supplier lot has a handful of lots, so any other filter with it reads those few entries), so a page reads
 * {@code size + 1} index entries whichever page it is.
 */
@Component
public class LotSearch {

    private static final String ORDER = " order by expiration_date, manufacture_date, lot_number";

    private final EntityManager em;
    private final ProductService products;
    private final Clock clock;

    public LotSearch(EntityManager em, ProductService products, Clock clock) {
        this.em = em;
        this.products = products;
        this.clock = clock;
    }

    /** A page of lots and the cursor of the next page (null on the last page). */
    public record Page(List<Lot> items, String nextCursor) {
    }

    /**
     * One page of the lots matching the request; 400 as in {@link LotFilter}. An unknown SKU matches no
     * lot (an empty page), as a filter on a product without lots does.
     */
    @Transactional(readOnly = true)
    public Page search(String sku, LotStatus status, Integer expiringWithinDays, int size, String cursor) {
        return search(sku, status, expiringWithinDays, null, size, cursor);
    }

    /** Same, also filtered by the supplier's lot number of received lots (null: any). */
    @Transactional(readOnly = true)
    public Page search(String sku, LotStatus status, Integer expiringWithinDays, String supplierLotNumber, int size,
            String cursor) {
        LotFilter filter = LotFilter.of(sku, status, expiringWithinDays, supplierLotNumber, size, cursor,
                LocalDate.now(clock));
        Long productId = null;
        if (filter.sku() != null) {
            Optional<Product> product = products.findBySku(filter.sku());
            if (product.isEmpty()) {
                return new Page(List.of(), null);
            }
            productId = product.get().getId();
        }
        List<Lot> page = page(filter, productId);
        if (page.size() <= filter.size()) {
            return new Page(page, null);
        }
        List<Lot> items = page.subList(0, filter.size());
        Lot last = items.get(items.size() - 1);
        return new Page(List.copyOf(items),
                new LotCursor(last.getExpirationDate(), last.getManufactureDate(), last.getLotNumber()).encode());
    }

    @SuppressWarnings("unchecked")
    private List<Lot> page(LotFilter f, Long productId) {
        StringBuilder sql = new StringBuilder("select * from lot");
        List<String> where = new ArrayList<>();
        if (productId != null) {
            where.add("product_id = :product");
        }
        if (f.status() != null) {
            where.add("status = :status");
        }
        if (f.expiringBy() != null) {
            where.add("expiration_date <= :expiringBy");
        }
        if (f.supplierLotNumber() != null) {
            // by its key, as the receipt's and the release's checks compare: whatever the capitals, spaces and dashes
            // (auditor round 22 M5; session 27's note)
            where.add("supplier_lot_key = :supplierLot");
        }
        if (f.after() != null) {
            where.add("(expiration_date, manufacture_date, lot_number) > (:afterExpiration, :afterManufacture,"
                    + " :afterLotNumber)");
        }
        if (!where.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", where));
        }
        sql.append(ORDER).append(" fetch first ").append(f.size() + 1).append(" rows only");
        Query query = em.createNativeQuery(sql.toString(), Lot.class);
        if (productId != null) {
            query.setParameter("product", productId);
        }
        if (f.status() != null) {
            query.setParameter("status", f.status().name());
        }
        if (f.expiringBy() != null) {
            query.setParameter("expiringBy", f.expiringBy());
        }
        if (f.supplierLotNumber() != null) {
            query.setParameter("supplierLot", SupplierLotRules.key(f.supplierLotNumber()));
        }
        if (f.after() != null) {
            query.setParameter("afterExpiration", f.after().expiration());
            query.setParameter("afterManufacture", f.after().manufacture());
            query.setParameter("afterLotNumber", f.after().lotNumber());
        }
        return query.getResultList();
    }
}
