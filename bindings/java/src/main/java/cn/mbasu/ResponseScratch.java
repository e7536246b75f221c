package cn.mbasu;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A direct buffer that carries a response body to the native library and the packed reading
 * back, so that a read makes no JNI function call for either. Through a {@code byte[]} the same
 * read makes four ({@code GetArrayLength}, {@code GetByteArrayRegion}, {@code NewByteArray},
 * {@code SetByteArrayRegion}), which took about a tenth of its time in a perf profile on JDK 17.
 * The native side is {@code scratch.rs} in {@code bindings/jni}.
 *
 * <p>A fixed set of buffers is shared by all threads, so memory stays bounded however many
 * threads (virtual threads included) read responses. A thread takes the buffer of the slot its
 * thread id selects and puts it back after the call. While another thread is using that buffer,
 * {@link #take()} returns {@code null} and the caller reads through a {@code byte[]} instead,
 * with the same result. A slot's buffer is allocated on first use.
 *
 * <p>During a call the buffer contains the body from offset 0, then the length of the packed
 * reading as a big-endian {@code int}, then the reading. A reading that does not fit comes back
 * as a new {@code byte[]} instead.
 */
final class ResponseScratch {
    /** Bytes per buffer. Bodies up to this size go through a buffer, and the spec's sample response is 200 bytes. */
    static final int CAPACITY = 4096;

    /**
     * Array positions between two slots. Sixteen references of at least 4 bytes each put slots
     * 64 bytes or more apart, so slots taken on different cores never share a 64-byte cache line.
     */
    private static final int SLOT_SPACING = 16;
    private static final int SLOT_MASK = slotCountForProcessors() - 1;
    private static final AtomicReferenceArray<ResponseScratch> SLOTS =
            new AtomicReferenceArray<>((SLOT_MASK + 1) * SLOT_SPACING);
    /** Marks a slot whose buffer has not been allocated yet. */
    private static final ResponseScratch NOT_ALLOCATED = new ResponseScratch();

    static {
        for (int slot = 0; slot <= SLOT_MASK; slot++) {
            SLOTS.set(slot * SLOT_SPACING, NOT_ALLOCATED);
        }
    }

    final ByteBuffer buffer;
    final long address;
    private final int position;

    private ResponseScratch() {
        buffer = null;
        address = 0;
        position = -1;
    }

    private ResponseScratch(int position) {
        this.buffer = ByteBuffer.allocateDirect(CAPACITY);
        this.address = NativeBridge.directBufferAddress(buffer);
        this.position = position;
    }

    /** Returns two slots per processor, rounded up to a power of two. */
    private static int slotCountForProcessors() {
        int twicePerProcessor = 2 * Runtime.getRuntime().availableProcessors();
        return Integer.highestOneBit(Math.max(twicePerProcessor - 1, 1)) << 1;
    }

    /**
     * Takes the calling thread's buffer, or returns {@code null} while another thread is using it
     * or when direct memory for it cannot be allocated. Call {@link #release()} on a buffer taken
     * here in a {@code finally} block.
     */
    static ResponseScratch take() {
        int position = (int) (Thread.currentThread().getId() & SLOT_MASK) * SLOT_SPACING;
        ResponseScratch scratch = SLOTS.getAndSet(position, null);
        if (scratch != NOT_ALLOCATED) {
            return scratch;
        }
        ResponseScratch allocated = null;
        try {
            allocated = new ResponseScratch(position);
        } catch (OutOfMemoryError | MbasuException unavailable) {
            // Direct memory ran out, or this JVM gives native code no access to it. The byte[]
            // path needs neither, so the read still succeeds, and a later read tries again.
        } finally {
            if (allocated == null) {
                SLOTS.set(position, NOT_ALLOCATED);
            }
        }
        return allocated;
    }

    /** Returns the number of slots. */
    static int slotCount() {
        return SLOT_MASK + 1;
    }

    /** Counts the slots that no thread has taken. Only the tests call it. */
    static int freeSlots() {
        int free = 0;
        for (int slot = 0; slot <= SLOT_MASK; slot++) {
            if (SLOTS.get(slot * SLOT_SPACING) != null) {
                free++;
            }
        }
        return free;
    }

    /** Puts the buffer back into its slot. */
    void release() {
        SLOTS.lazySet(position, this);
    }

    /** Copies {@code body}, at most {@link #CAPACITY} bytes, to the start of the buffer. */
    void putBody(byte[] body) {
        buffer.clear();
        buffer.put(body);
    }

    /** Copies out the packed reading that the native library wrote after the body. */
    byte[] readingAfter(int bodyLength) {
        int length = buffer.getInt(bodyLength);
        byte[] reading = new byte[length];
        buffer.position(bodyLength + 4);
        buffer.get(reading);
        return reading;
    }
}
