package cn.mbasu;

/**
 * How the provider answered: a definite answer, {@code -1} no data (asking again will not
 * help), or {@code -2} a query error on the provider's side (a retry can help).
 */
public enum Category {
    ANSWERED("answered"),
    NO_DATA("no_data"),
    QUERY_ERROR("query_error");

    private final String coreName;

    Category(String coreName) {
        this.coreName = coreName;
    }

    /** The name the core and every other binding use for this value. */
    public String coreName() {
        return coreName;
    }
}
