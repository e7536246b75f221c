package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One configuration shared by eight threads, response buffers shared by more threads than there
 * are buffers, closing under load, and freeing forgotten configurations.
 */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 2_000;

    @Test
    void eightThreadsShareOneConfiguration() throws Exception {
        JsonNode vectors = Vectors.load("encrypt.json");
        JsonNode cases = vectors.get("cases");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (MbasuConfig config = MbasuConfig.builder().tripleDesKeyBase64(Vectors.text(vectors, "key_base64")).build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        JsonNode testCase = cases.get((round + offset) % cases.size());
                        String input = Vectors.text(testCase, "input");
                        assertEquals(Vectors.text(testCase, "sm3"), config.encrypt(EncryptType.SM3, input));
                        assertEquals(Vectors.text(testCase, "3des_ecb_base64"), config.encrypt(EncryptType.TRIPLE_DES, input));
                        assertEquals(input, config.decrypt(Vectors.text(testCase, "3des_ecb_base64")));
                        assertTrue(Mbasu.validateMobile("13800138000").isValid());
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(ROUNDS, (int) result.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Twice as many threads as there are response buffers read bodies of different sizes at
     * once, and half of the reads fail. Each thread must get its own reading back, and every
     * buffer must be back in its slot afterwards.
     */
    @Test
    void threadsShareResponseBuffers() throws Exception {
        int threads = 2 * ResponseScratch.slotCount();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (MbasuConfig config = MbasuConfig.builder().build()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String requestRefId = "xwdb_" + t;
                StringBuilder responseMsg = new StringBuilder("查询成功");
                for (int i = 0; i < 37 * t; i++) {
                    responseMsg.append((char) ('a' + i % 26));
                }
                String value = String.valueOf(t % 4);
                byte[] body = ("{\"head\":{\"result\":\"Y\",\"responseRefId\":\"TR_" + t + "\",\"requestRefId\":\""
                        + requestRefId + "\",\"responseCode\":\"0000\",\"responseMsg\":\"" + responseMsg
                        + "\"},\"response\":{\"isIdNameMatch\":\"" + value + "\"}}").getBytes(StandardCharsets.UTF_8);
                results.add(pool.submit(() -> {
                    start.await();
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        Interpretation read = config.parseResponse(Interface.MBASU001, body, requestRefId);
                        assertEquals(value, read.getValue());
                        assertEquals(requestRefId, read.getRequestRefId());
                        assertEquals(responseMsg.toString(), read.getResponseMsg());
                        MbasuException mismatch = assertThrows(MbasuException.class,
                                () -> config.parseResponse(Interface.MBASU001, body, "xwdb_other"));
                        assertEquals(ErrorCode.REQUEST_REF_MISMATCH, mismatch.getErrorCode());
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(ROUNDS, (int) result.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ResponseScratch.slotCount(), ResponseScratch.freeSlots());
    }

    /** Callers racing a close() either finish normally or see code 7; nothing else happens. */
    @Test
    void closeWhileInUseIsSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int racedCalls = 0;
        try {
            for (int attempt = 0; attempt < 20; attempt++) {
                MbasuConfig config = MbasuConfig.builder().tripleDesKey(new byte[24]).build();
                AtomicInteger closedErrors = new AtomicInteger();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit((Callable<Void>) () -> {
                        start.await();
                        for (int round = 0; round < 500; round++) {
                            try {
                                config.encrypt(EncryptType.TRIPLE_DES, "13800138000");
                            } catch (MbasuException error) {
                                assertEquals(ErrorCode.CLOSED_HANDLE, error.getErrorCode());
                                closedErrors.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                config.close();
                for (Future<?> result : results) {
                    result.get(60, TimeUnit.SECONDS);
                }
                MbasuException afterClose = assertThrows(MbasuException.class,
                        () -> config.encrypt(EncryptType.TRIPLE_DES, "13800138000"));
                assertEquals(ErrorCode.CLOSED_HANDLE, afterClose.getErrorCode());
                racedCalls += closedErrors.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(racedCalls > 0, "no concurrent call saw the closed configuration in 20 attempts");
    }

    @Test
    void forgottenConfigurationsAreFreed() throws InterruptedException {
        long before = NativeCleaner.freedCount();
        for (int i = 0; i < 200; i++) {
            MbasuConfig config = MbasuConfig.builder().tripleDesKey(new byte[24]).build();
            config.encrypt(EncryptType.MD5, "13800138000");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (NativeCleaner.freedCount() - before < 200) {
            if (System.nanoTime() > deadline) {
                fail("only " + (NativeCleaner.freedCount() - before) + " of 200 unreachable configurations were freed");
            }
            System.gc();
            Thread.sleep(20);
        }
    }
}
