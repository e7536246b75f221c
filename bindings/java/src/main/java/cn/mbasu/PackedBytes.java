package cn.mbasu;

import java.nio.charset.StandardCharsets;

/**
 * Reads a result the native library packed into one UTF-8 {@code byte[]}.
 *
 * <p>The layout is private to the binding (the writer is {@code BytePacker} in
 * {@code bindings/jni/src/packed.rs}): a byte is one byte; an {@code int} four bytes, big-endian;
 * a string an {@code int} length in bytes followed by its UTF-8; a missing string the length -1.
 * Strings can be skipped and decoded later from their offset, so results decode only the strings
 * a caller asks for.
 */
final class PackedBytes {
    private final byte[] packed;
    private int position;

    PackedBytes(byte[] packed) {
        this.packed = packed;
    }

    byte[] array() {
        return packed;
    }

    int readByte() {
        return packed[position++] & 0xFF;
    }

    int readInt() {
        int value = intAt(packed, position);
        position += 4;
        return value;
    }

    /**
     * Skips a string and returns where it is: its start offset in the high 32 bits and its length
     * in the low 32 bits, or -1 for a missing string. {@link #decode} turns it into the string.
     */
    long skipString() {
        int length = readInt();
        if (length < 0) {
            return -1;
        }
        long location = ((long) position << 32) | length;
        position += length;
        return location;
    }

    /** Reads a string the writer never leaves out. */
    String readString() {
        String text = decode(packed, skipString());
        if (text == null) {
            throw new IllegalStateException("packed result has no string at byte " + position);
        }
        return text;
    }

    /** Reads the big-endian {@code int} at {@code offset}, as {@link #readInt()} does. */
    static int intAt(byte[] packed, int offset) {
        return ((packed[offset] & 0xFF) << 24) | ((packed[offset + 1] & 0xFF) << 16)
                | ((packed[offset + 2] & 0xFF) << 8) | (packed[offset + 3] & 0xFF);
    }

    /** Decodes a string at a location from {@link #skipString()}; -1 gives {@code null}. */
    static String decode(byte[] packed, long location) {
        if (location < 0) {
            return null;
        }
        return new String(packed, (int) (location >>> 32), (int) location, StandardCharsets.UTF_8);
    }

    /** Fails unless every byte was read, which would mean reader and writer disagree. */
    void expectEnd() {
        if (position != packed.length) {
            throw new IllegalStateException("packed result has " + (packed.length - position)
                    + " unread bytes; the Java classes and the native library are from different builds");
        }
    }
}
