package cn.mbasu;

/**
 * The printed form of digests: lowercase hexadecimal by default (32 characters for MD5, 64 for SHA256
 * and SM3), upper-case on request, and MD5 optionally as the 16-character form (hex characters 8
 * to 24) some Chinese specs ask for. Immutable.
 */
public final class HashOptions {
    /** Lowercase, full length. */
    public static final HashOptions DEFAULT = new HashOptions(false, false);

    private final boolean upperCase;
    private final boolean md5Short;

    private HashOptions(boolean upperCase, boolean md5Short) {
        this.upperCase = upperCase;
        this.md5Short = md5Short;
    }

    /** Creates options; both {@code false} is {@link #DEFAULT}. */
    public static HashOptions of(boolean upperCase, boolean md5Short) {
        return new HashOptions(upperCase, md5Short);
    }

    public boolean isUpperCase() {
        return upperCase;
    }

    /** Whether MD5 is printed as its 16-character middle part instead of all 32 characters. */
    public boolean isMd5Short() {
        return md5Short;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashOptions && upperCase == ((HashOptions) other).upperCase
                && md5Short == ((HashOptions) other).md5Short;
    }

    @Override
    public int hashCode() {
        return (upperCase ? 2 : 0) + (md5Short ? 1 : 0);
    }

    @Override
    public String toString() {
        return "HashOptions{upperCase=" + upperCase + " md5Short=" + md5Short + "}";
    }
}
