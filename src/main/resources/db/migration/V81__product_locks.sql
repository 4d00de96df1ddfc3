-- One lock per product in app_lock (ClusterLock, name 'product:' || id): FEFO allocations of a product
-- take it first and then lock only the lots they take (issue #11). ProductService makes the lock of each
-- new product; these are the locks of the products made before.
INSERT INTO app_lock (name) SELECT 'product:' || CAST(id AS VARCHAR(20)) FROM product;
