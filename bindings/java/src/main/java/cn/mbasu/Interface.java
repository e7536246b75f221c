package cn.mbasu;

/** One of the spec's interfaces; the code travels in the URL path ({@code {base}/MBASU001}). */
public enum Interface {
    /** MBASU001: whether mobile, certNo and name belong together (手机三要素核验). */
    MBASU001("MBASU001"),
    /** MBASU010: how long the number has been in the network (手机在网时长核查). */
    MBASU010("MBASU010"),
    /** MBASU004: the line's status (手机状态核查); it takes no encryptType. */
    MBASU004("MBASU004");

    private final String code;

    Interface(String code) {
        this.code = code;
    }

    /** The interface code as the spec spells it, such as {@code MBASU001}. */
    public String getCode() {
        return code;
    }

    /** The same as {@link #getCode()}: the name the core and every other binding use. */
    public String coreName() {
        return code;
    }

    /** The interface's name in Chinese, from the core. */
    public String getLabelZh() {
        return Labels.ZH[ordinal()];
    }

    /** The interface's name in English, from the core. */
    public String getLabelEn() {
        return Labels.EN[ordinal()];
    }

    /** Loads the labels from the native library on first use. */
    private static final class Labels {
        static final String[] ZH = new String[values().length];
        static final String[] EN = new String[values().length];

        static {
            PackedReader reader = new PackedReader(NativeBridge.interfaceLabels());
            int count = reader.readInt();
            for (int i = 0; i < count; i++) {
                ZH[i] = reader.readString();
                EN[i] = reader.readString();
            }
            reader.expectEnd();
        }
    }
}
