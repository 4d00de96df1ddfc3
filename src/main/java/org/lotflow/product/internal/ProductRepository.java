package org.lotflow.product.internal;

import org.lotflow.product.Product;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@code product} table. Still in the module's root because order and reports use it; new callers use
 * {@link ProductService} ({@code get}, {@code findBySku}, {@code exists}, {@code list}).
 */
public interface ProductRepository extends JpaRepository<Product, Long> {

    /** A JPQL string, not a derived query: Hibernate 6.6 caches its plan, not a derived query's criteria (issue #11). */
    @org.springframework.data.jpa.repository.Query("select p from Product p where p.sku = :sku")
    Optional<Product> findBySku(@org.springframework.data.repository.query.Param("sku") String sku);

    /** The product whose SKU is {@code sku} whatever its case (SKUs are unique whatever their case, V122). */
    @org.springframework.data.jpa.repository.Query("select p from Product p where upper(p.sku) = upper(:sku)")
    Optional<Product> findBySkuIgnoringCase(@org.springframework.data.repository.query.Param("sku") String sku);

    /** The id of the product with this SKU, without loading the product (a projection). */
    @org.springframework.data.jpa.repository.Query("select p.id from Product p where p.sku = :sku")
    Optional<Long> findIdBySku(@org.springframework.data.repository.query.Param("sku") String sku);

    @org.springframework.data.jpa.repository.Query("select count(p) > 0 from Product p where p.sku = :sku")
    boolean existsBySku(String sku);

    /** The SKU taken by a product whose SKU differs from {@code sku} at most in case, if any (V122; auditor F4). */
    @org.springframework.data.jpa.repository.Query(value = "select sku from product where upper(sku) = upper(:sku)",
            nativeQuery = true)
    Optional<String> findSkuIgnoringCase(@org.springframework.data.repository.query.Param("sku") String sku);

    @org.springframework.data.jpa.repository.Query("select count(p) > 0 from Product p where p.gtin = :gtin")
    boolean existsByGtin(String gtin);

    /** The retentions products set for themselves (the rest keep their category's default), each once. */
    @org.springframework.data.jpa.repository.Query("select distinct p.retentionYears from Product p where p.retentionYears is not null")
    List<Integer> findOwnRetentionYears();

    @org.springframework.data.jpa.repository.Query("select p from Product p order by p.sku")
    List<Product> findAllByOrderBySkuAsc();
}
