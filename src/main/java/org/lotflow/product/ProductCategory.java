package org.lotflow.product;

/**
 * What kind of goods a product is, for how long its lot records are kept (the seed, "How long should I keep lot
 * records?": food 2-3 years beyond expiration, pharmaceuticals 5-7, industrial products 3-5). lotflow takes the
 * upper bound of each range as the category's default retention ({@link #defaultRetentionYears()}); a product may
 * set its own ({@code retentionYears} on {@code POST /api/products}) when its regulation asks for longer.
 */
public enum ProductCategory {
    /** Food: 3 years beyond expiration by default (the seed's 2-3). */
    FOOD(3),
    /** Pharmaceuticals: 7 years beyond expiration by default (the seed's 5-7). */
    PHARMACEUTICAL(7),
    /** Industrial products, the default category: 5 years beyond expiration (the seed's 3-5). */
    INDUSTRIAL(5);

    /** The shortest retention a product may set, in years beyond expiration. */
    public static final int MIN_RETENTION_YEARS = 1;

    /** The longest retention a product may set, in years beyond expiration. */
    public static final int MAX_RETENTION_YEARS = 30;

    private final int defaultRetentionYears;

    ProductCategory(int defaultRetentionYears) {
        this.defaultRetentionYears = defaultRetentionYears;
    }

    /**
     * The category as the plant says it, "Industrial products" (new user round 24 N7: "INDUSTRIAL" on the lot's page);
     * the API keeps the code.
     */
    public String inWords() {
        return switch (this) {
            case FOOD -> "Food";
            case PHARMACEUTICAL -> "Pharmaceuticals";
            case INDUSTRIAL -> "Industrial products";
        };
    }

    /** Years beyond expiration a lot's records are kept when the product sets none. */
    public int defaultRetentionYears() {
        return defaultRetentionYears;
    }
}
