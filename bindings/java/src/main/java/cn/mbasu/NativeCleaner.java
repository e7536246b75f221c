package cn.mbasu;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Frees the native memory of every {@link MbasuConfig} once the object is unreachable, whether
 * or not it was closed.
 *
 * <p>{@code java.lang.ref.Cleaner} would do this but arrives in Java 9, and this library targets
 * Java 8, so the same mechanism is built from a {@link PhantomReference} per configuration, one
 * {@link ReferenceQueue}, and one daemon thread that waits on it. A phantom reference is enqueued
 * only after its referent can no longer be reached or resurrected, unlike {@code finalize()},
 * which is deprecated and runs while the object is still usable.
 */
final class NativeCleaner {
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    /** Keeps each reference reachable until it has been processed. */
    private static final Set<HandleReference> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong FREED = new AtomicLong();
    private static final Logger LOGGER = Logger.getLogger(NativeCleaner.class.getName());

    static {
        Thread thread = new Thread(NativeCleaner::run, "mbasu-native-cleaner");
        thread.setDaemon(true);
        thread.start();
    }

    private NativeCleaner() {
    }

    /** Arranges for {@code handle} to be freed after {@code owner} becomes unreachable. */
    static void register(Object owner, long handle) {
        PENDING.add(new HandleReference(owner, handle, QUEUE));
    }

    /** How many handles have been freed, for the tests. */
    static long freedCount() {
        return FREED.get();
    }

    private static void run() {
        while (true) {
            try {
                HandleReference reference = (HandleReference) QUEUE.remove();
                PENDING.remove(reference);
                NativeBridge.configFree(reference.handle);
                FREED.incrementAndGet();
            } catch (InterruptedException interrupted) {
                // The thread is a daemon and never asked to stop; keep draining the queue.
            } catch (RuntimeException failure) {
                LOGGER.log(Level.WARNING, "freeing an MbasuConfig handle failed; its native memory stays allocated", failure);
            }
        }
    }

    private static final class HandleReference extends PhantomReference<Object> {
        private final long handle;

        HandleReference(Object owner, long handle, ReferenceQueue<Object> queue) {
            super(owner, queue);
            this.handle = handle;
        }
    }
}
