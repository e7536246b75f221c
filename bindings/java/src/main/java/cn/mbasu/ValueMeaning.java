package cn.mbasu;

/**
 * One value of one interface with its meaning, which never changes between calls. The table is
 * loaded from the core once, when the first response is read, so a reading crosses JNI as an
 * index into it instead of carrying the labels.
 */
final class ValueMeaning {
    private static final Category[] CATEGORIES = Category.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final LineStatus[] LINE_STATUSES = LineStatus.values();

    /** Detail kinds as {@code exchange.rs} numbers them. */
    private static final int DETAIL_NONE = 0;
    private static final int DETAIL_MATCH = 1;
    private static final int DETAIL_IN_NET_PERIOD = 2;
    private static final int DETAIL_STATUS = 3;

    final String value;
    final Category category;
    final Outcome outcome;
    final boolean retryable;
    final String labelZh;
    final String labelEn;
    final MatchDetail match;
    final InNetPeriodDetail inNetPeriod;
    final LineStatusDetail lineStatus;

    private ValueMeaning(String value, Category category, Outcome outcome, boolean retryable, String labelZh,
            String labelEn, MatchDetail match, InNetPeriodDetail inNetPeriod, LineStatusDetail lineStatus) {
        this.value = value;
        this.category = category;
        this.outcome = outcome;
        this.retryable = retryable;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
        this.match = match;
        this.inNetPeriod = inNetPeriod;
        this.lineStatus = lineStatus;
    }

    /** Reads a value and its meaning as {@code pack_meaning} in {@code exchange.rs} writes them. */
    static ValueMeaning read(PackedReader reader) {
        String value = reader.readString();
        Category category = reader.readEnum(CATEGORIES);
        Outcome outcome = reader.readEnum(OUTCOMES);
        boolean retryable = reader.readBoolean();
        String labelZh = reader.readString();
        String labelEn = reader.readString();

        MatchDetail match = null;
        InNetPeriodDetail inNetPeriod = null;
        LineStatusDetail lineStatus = null;
        int detail = reader.readInt();
        if (detail == DETAIL_MATCH) {
            match = new MatchDetail(reader.readBoolean(), reader.readBoolean());
        } else if (detail == DETAIL_IN_NET_PERIOD) {
            int monthsAbove = reader.readInt();
            int monthsAtMost = reader.readInt();
            inNetPeriod = new InNetPeriodDetail(monthsAbove, monthsAtMost < 0 ? null : monthsAtMost);
        } else if (detail == DETAIL_STATUS) {
            lineStatus = new LineStatusDetail(reader.readEnum(LINE_STATUSES), reader.readBoolean());
        } else if (detail != DETAIL_NONE) {
            throw new IllegalStateException("unknown detail kind " + detail + " in a packed interpretation");
        }
        return new ValueMeaning(value, category, outcome, retryable, labelZh, labelEn, match, inNetPeriod,
                lineStatus);
    }

    /**
     * The meaning of the value at {@code index} in the core's list of {@code iface}'s values.
     *
     * @throws IllegalStateException if the index is outside the table, which would mean the Java
     *     classes and the native library are from different builds
     */
    static ValueMeaning of(Interface iface, int index) {
        ValueMeaning[] meanings = Table.BY_INTERFACE[iface.ordinal()];
        if (index >= meanings.length) {
            throw new IllegalStateException("value index " + index + " is outside the " + meanings.length
                    + " values of " + iface + "; the Java classes and the native library are from different builds");
        }
        return meanings[index];
    }

    /** Loads every interface's values from the native library on first use. */
    private static final class Table {
        static final ValueMeaning[][] BY_INTERFACE = new ValueMeaning[Interface.values().length][];

        static {
            for (Interface iface : Interface.values()) {
                PackedReader reader = new PackedReader(NativeBridge.valueMeanings(iface.ordinal()));
                ValueMeaning[] meanings = new ValueMeaning[reader.readInt()];
                for (int i = 0; i < meanings.length; i++) {
                    meanings[i] = read(reader);
                }
                reader.expectEnd();
                BY_INTERFACE[iface.ordinal()] = meanings;
            }
        }
    }
}
