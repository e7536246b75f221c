package cn.mbasu;

/** Loads the native library in a fresh JVM and prints the core version; {@link NativeLoaderTest} runs it. */
public final class LoaderProbe {
    private LoaderProbe() {
    }

    public static void main(String[] args) {
        System.out.println("version " + Mbasu.version());
    }
}
