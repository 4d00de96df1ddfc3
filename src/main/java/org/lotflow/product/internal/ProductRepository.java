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

    Optional<Product> findBySku(String sku);

    boolean existsBySku(String sku);

    List<Product> findAllByOrderBySkuAsc();
}
