package cn.mbasu;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Loads {@code libmbasu_jni} once per class loader, in this order:
 * <ol>
 *   <li>the file named by the system property {@value #LIBRARY_PATH_PROPERTY}, if set; a failure
 *       there is final, so a wrong override is never masked by another copy;</li>
 *   <li>the copy inside the jar at {@code /native/<os>-<arch>/}, extracted to a temporary file
 *       readable only by the current user and deleted once loaded;</li>
 *   <li>{@code System.loadLibrary("mbasu_jni")}, which searches {@code java.library.path}.</li>
 * </ol>
 */
final class NativeLoader {
    /** System property naming the native library file to load instead of the bundled one. */
    static final String LIBRARY_PATH_PROPERTY = "mbasu.library.path";

    static final String LIBRARY_NAME = "mbasu_jni";

    private NativeLoader() {
    }

    static void load() {
        String override = System.getProperty(LIBRARY_PATH_PROPERTY);
        if (override != null && !override.isEmpty()) {
            System.load(new File(override).getAbsolutePath());
            return;
        }

        String resource = "/native/" + platform() + "/" + System.mapLibraryName(LIBRARY_NAME);
        Throwable bundledFailure = null;
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in != null) {
                loadExtracted(in);
                return;
            }
        } catch (IOException | UnsatisfiedLinkError failure) {
            bundledFailure = failure;
        }

        try {
            System.loadLibrary(LIBRARY_NAME);
        } catch (UnsatisfiedLinkError failure) {
            String bundled = bundledFailure == null
                    ? "the jar has no " + resource
                    : "loading the bundled " + resource + " failed: " + bundledFailure;
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("cannot load the mbasu native library: "
                    + bundled + "; System.loadLibrary(\"" + LIBRARY_NAME + "\") failed: "
                    + failure.getMessage() + "; set -D" + LIBRARY_PATH_PROPERTY
                    + "=/path/to/" + System.mapLibraryName(LIBRARY_NAME) + " to choose a file");
            error.initCause(failure);
            throw error;
        }
    }

    private static void loadExtracted(InputStream in) throws IOException {
        Path file = createPrivateTempFile();
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
        } finally {
            // Linux keeps a loaded library mapped after its file is deleted.
            if (!file.toFile().delete()) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static Path createPrivateTempFile() throws IOException {
        String suffix = "-" + System.mapLibraryName(LIBRARY_NAME);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------"));
            return Files.createTempFile("mbasu-", suffix, ownerOnly);
        }
        return Files.createTempFile("mbasu-", suffix);
    }

    /** The platform directory name inside the jar, such as {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") ? "macos"
                : os.startsWith("windows") ? "windows"
                : os.replaceAll("[^a-z0-9]", "");
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64"
                : arch.replaceAll("[^a-z0-9_]", "");
        return osName + "-" + archName;
    }
}
