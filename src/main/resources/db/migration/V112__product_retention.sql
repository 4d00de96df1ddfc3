-- Retention and archiving (issue #16, the seed's "How long should I keep lot records?"): a product's category
-- (FOOD, PHARMACEUTICAL, INDUSTRIAL; existing products are INDUSTRIAL) and, optionally, its own retention in
-- years beyond expiration (NULL: the category's default, product.ProductCategory: food 3, pharmaceutical 7,
-- industrial 5).
ALTER TABLE product ADD COLUMN category VARCHAR(16) DEFAULT 'INDUSTRIAL' NOT NULL;
ALTER TABLE product ADD COLUMN retention_years INTEGER;
