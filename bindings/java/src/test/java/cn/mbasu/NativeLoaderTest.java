package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The library loads once per JVM, so each case runs {@link LoaderProbe} in a fresh one. */
class NativeLoaderTest {

    @Test
    void bundledLibraryLoads() throws Exception {
        Result result = runProbe(null);
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("version " + Mbasu.version()), result.output);
    }

    @Test
    void libraryPathPropertyOverrides() throws Exception {
        URL bundled = NativeLoaderTest.class.getResource("/native/linux-x86_64/libmbasu_jni.so");
        assertNotNull(bundled, "the build copies the library into target/classes");
        Result result = runProbe(new File(bundled.toURI()).getAbsolutePath());
        assertEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("version "), result.output);
    }

    @Test
    void wrongLibraryPathFailsWithoutFallback() throws Exception {
        Result result = runProbe("/nonexistent/libmbasu_jni.so");
        assertNotEquals(0, result.exitCode, result.output);
        assertTrue(result.output.contains("UnsatisfiedLinkError"), result.output);
        assertTrue(result.output.contains("/nonexistent/libmbasu_jni.so"), result.output);
    }

    private static Result runProbe(String libraryPath) throws IOException, InterruptedException, URISyntaxException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>();
        command.add(java);
        if (libraryPath != null) {
            command.add("-D" + NativeLoader.LIBRARY_PATH_PROPERTY + "=" + libraryPath);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoaderProbe.class.getName());

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = readAll(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not exit within 60 s: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int read;
        while ((read = in.read(chunk)) != -1) {
            buffer.write(chunk, 0, read);
        }
        return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
    }

    private static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
