package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.product.internal.ProductRepository;
import org.lotflow.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ProductService#idBySku}: the id of a product by its SKU, remembered only once the transaction that
 * read it has committed (an order placed in a transaction that rolls back must not leave a product id
 * behind that no row carries).
 */
@ApiTest
class ProductIdBySkuTest {

    @Autowired
    ProductService products;

    @Autowired
    ProductRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    private static Product product(String sku) {
        return new Product(sku, "Id by SKU " + sku, null, "kg", 24, LotNumberPattern.parse(sku + "-{seq:4}"),
                List.of(), Instant.parse("2025-01-28T08:00:00Z"), "admin");
    }

    @Test
    void anIdReadInARolledBackTransactionIsNotRemembered() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String sku = "IDS-" + UUID.randomUUID().toString().substring(0, 8);
        Long rolledBack = tx.execute(status -> {
            Long id = repository.saveAndFlush(product(sku)).getId();
            assertThat(products.idBySku(sku)).contains(id);
            status.setRollbackOnly();
            return id;
        });
        assertThat(products.idBySku(sku)).as("the product was rolled back").isEmpty();

        Long committed = tx.execute(status -> repository.saveAndFlush(product(sku)).getId());
        assertThat(committed).isNotEqualTo(rolledBack);
        assertThat(products.idBySku(sku)).contains(committed);
        assertThat(products.idBySku(sku)).as("remembered").contains(committed);
        assertThat(products.idBySku("IDS-NONE-" + sku)).isEmpty();
    }
}
