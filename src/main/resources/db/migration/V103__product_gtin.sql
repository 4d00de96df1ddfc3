-- EPCIS 2.0 (issue #14): a product may carry its GS1 GTIN, stored as its GTIN-14 (GTIN-8/12/13 with leading
-- zeros; the check digit is checked by the product module, shared.Gs1Keys). One GTIN names one trade item:
-- at most one product carries it (a unique index lets any number of products have none).
ALTER TABLE product ADD COLUMN gtin VARCHAR(14);
CREATE UNIQUE INDEX uk_product_gtin ON product (gtin);
