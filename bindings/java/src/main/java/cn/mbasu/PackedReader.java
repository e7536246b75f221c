package cn.mbasu;

/**
 * Reads a result the native library packed into one string of UTF-16 code units.
 *
 * <p>The layout is private to the binding (the writer is {@code bindings/jni/src/packed.rs}): an
 * {@code int} is two units, high 16 bits first; a {@code boolean} one unit, 0 or 1; a string an
 * {@code int} length in UTF-16 units followed by the units; a missing string the length -1.
 */
final class PackedReader {
    private final String packed;
    private int position;

    PackedReader(String packed) {
        this.packed = packed;
    }

    int readInt() {
        int high = packed.charAt(position);
        int low = packed.charAt(position + 1);
        position += 2;
        return (high << 16) | low;
    }

    boolean readBoolean() {
        return packed.charAt(position++) != 0;
    }

    /** Reads a string the writer never leaves out. */
    String readString() {
        String text = readNullableString();
        if (text == null) {
            throw new IllegalStateException("packed result has no string at unit " + position);
        }
        return text;
    }

    /** Reads a string or {@code null}. */
    String readNullableString() {
        int length = readInt();
        if (length < 0) {
            return null;
        }
        String text = packed.substring(position, position + length);
        position += length;
        return text;
    }

    <E extends Enum<E>> E readEnum(E[] values) {
        return values[readInt()];
    }

    /** Fails unless every unit was read, which would mean reader and writer disagree. */
    void expectEnd() {
        if (position != packed.length()) {
            throw new IllegalStateException("packed result has " + (packed.length() - position)
                    + " unread units; the Java classes and the native library are from different builds");
        }
    }
}
