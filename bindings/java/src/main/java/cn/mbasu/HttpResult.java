package cn.mbasu;

/**
 * What to do with one HTTP exchange, from {@link MbasuConfig#interpretHttp}: an answer, a
 * provider error (not retried automatically), a transport failure ({@link #isRetryable()} for
 * 5xx, 408 and 429), or a 2xx whose body breaks the spec.
 */
public final class HttpResult {
    /** The kinds of result, in the order the native library numbers them. */
    public enum Kind {
        /** The provider answered per the spec; the value may still be {@code -1} or {@code -2}. */
        ANSWERED,
        /** The provider returned a non-success responseCode. */
        PROVIDER_ERROR,
        /** The exchange failed below the spec's level. */
        TRANSPORT_FAILURE,
        /** A 2xx response whose body breaks the spec; retrying rarely helps. */
        INVALID_RESPONSE
    }

    private final Kind kind;
    private final Interpretation interpretation;
    private final MbasuException error;
    private final boolean retryable;

    HttpResult(Kind kind, Interpretation interpretation, MbasuException error, boolean retryable) {
        this.kind = kind;
        this.interpretation = interpretation;
        this.error = error;
        this.retryable = retryable;
    }

    public Kind getKind() {
        return kind;
    }

    /** The interpretation for {@link Kind#ANSWERED}, else {@code null}. */
    public Interpretation getInterpretation() {
        return interpretation;
    }

    /** The error for every kind but {@link Kind#ANSWERED}, else {@code null}; it is not thrown. */
    public MbasuException getError() {
        return error;
    }

    /**
     * For {@link Kind#TRANSPORT_FAILURE}, whether sending the same request again can help (status
     * 5xx, 408 or 429); {@code false} for the other kinds. For an answer, see
     * {@link Interpretation#isRetryable()}.
     */
    public boolean isRetryable() {
        return retryable;
    }

    @Override
    public String toString() {
        return "HttpResult{" + kind + " retryable=" + retryable + " "
                + (interpretation != null ? interpretation : error.getMessage()) + "}";
    }
}
