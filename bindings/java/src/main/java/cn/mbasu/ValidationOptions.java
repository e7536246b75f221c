package cn.mbasu;

import java.time.LocalDate;

/**
 * Settings for one validation call: the mode, the date birth dates are checked against, and the
 * earliest birth year accepted in an ID number. Immutable; build with {@link #builder()}.
 */
public final class ValidationOptions {
    /** Strict mode, today's date in China (UTC+8), and the core's earliest birth year (1900). */
    public static final ValidationOptions STRICT = builder().build();
    /** Normalising mode, otherwise as {@link #STRICT}. */
    public static final ValidationOptions NORMALIZE = builder().mode(Mode.NORMALIZE).build();

    /** Passed to the native library when the caller keeps the core's earliest birth year. */
    static final int CORE_DEFAULT_MIN_BIRTH_YEAR = Integer.MIN_VALUE;

    private final Mode mode;
    private final LocalDate today;
    private final Integer minBirthYear;

    private ValidationOptions(Builder builder) {
        this.mode = builder.mode;
        this.today = builder.today;
        this.minBirthYear = builder.minBirthYear;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Mode getMode() {
        return mode;
    }

    /** The date birth dates are checked against, or {@code null} for today's date in China (UTC+8). */
    public LocalDate getToday() {
        return today;
    }

    /** The earliest birth year accepted, or {@code null} for the core's default (1900). */
    public Integer getMinBirthYear() {
        return minBirthYear;
    }

    int modeOrdinal() {
        return mode.ordinal();
    }

    /** {@code today} as yyyyMMdd, or 0 for the system clock. */
    int todayYyyymmdd() {
        if (today == null) {
            return 0;
        }
        return today.getYear() * 10_000 + today.getMonthValue() * 100 + today.getDayOfMonth();
    }

    int minBirthYearOrDefault() {
        return minBirthYear == null ? CORE_DEFAULT_MIN_BIRTH_YEAR : minBirthYear;
    }

    @Override
    public String toString() {
        return "ValidationOptions{mode=" + mode + " today=" + today + " minBirthYear=" + minBirthYear + "}";
    }

    /** Builds {@link ValidationOptions}; not thread-safe, the built options are. */
    public static final class Builder {
        private Mode mode = Mode.STRICT;
        private LocalDate today;
        private Integer minBirthYear;

        private Builder() {
        }

        public Builder mode(Mode mode) {
            if (mode == null) {
                throw new NullPointerException("mode");
            }
            this.mode = mode;
            return this;
        }

        /** Sets the date birth dates are checked against; {@code null} reads the clock in UTC+8 per call. */
        public Builder today(LocalDate today) {
            this.today = today;
            return this;
        }

        /** Sets the earliest birth year accepted; {@code null} keeps the core's default (1900). */
        public Builder minBirthYear(Integer minBirthYear) {
            this.minBirthYear = minBirthYear;
            return this;
        }

        public ValidationOptions build() {
            return new ValidationOptions(this);
        }
    }
}
