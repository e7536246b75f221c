package cn.mbasu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java enums list the core's values in the order the native library numbers them. */
class EnumParityTest {

    @Test
    void errorCodesMatchTheCore() {
        PackedReader reader = new PackedReader(NativeBridge.errorCodes());
        int count = reader.readInt();
        assertEquals(ErrorCode.values().length, count, "number of error codes");
        Field[] fields = Field.values();
        for (int i = 0; i < count; i++) {
            int code = reader.readInt();
            String name = reader.readString();
            Field field = fields[reader.readInt()];
            reader.readBoolean();
            String descriptionZh = reader.readString();
            String descriptionEn = reader.readString();

            ErrorCode javaCode = ErrorCode.fromCode(code);
            assertNotNull(javaCode, "code " + code + " " + name + " is missing from ErrorCode");
            assertEquals(ErrorCode.values()[i], javaCode, "order of code " + code);
            assertEquals(name, javaCode.getName(), "name of code " + code);
            assertFalse(descriptionZh.isEmpty());
            assertFalse(descriptionEn.isEmpty());
            if (field != Field.OTHER) {
                assertEquals(field.name(), javaCode.name().substring(0, field.name().length()),
                        "constant of code " + code + " starts with its field");
            }
        }
        reader.expectEnd();
    }

    @Test
    void enumsMatchTheCore() {
        assertNames(0, Field.values());
        assertNames(1, Severity.values());
        assertNames(2, ChangeKind.values());
        assertNames(3, EncryptType.values());
        assertNames(4, SegmentKind.values());
        assertNames(5, Operator.values());
        assertNames(6, Gender.values());
        assertNames(7, Interface.values());
        assertNames(8, Category.values());
        assertNames(9, Outcome.values());
        assertNames(10, LineStatus.values());
        assertNames(11, RequestForm.values());
    }

    private static void assertNames(int which, Enum<?>[] values) {
        PackedReader reader = new PackedReader(NativeBridge.enumCoreNames(which));
        int count = reader.readInt();
        List<String> coreNames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            coreNames.add(reader.readString());
        }
        reader.expectEnd();

        List<String> javaNames = new ArrayList<>();
        for (Enum<?> value : values) {
            javaNames.add(coreName(value));
        }
        assertEquals(coreNames, javaNames, values[0].getDeclaringClass().getSimpleName());
    }

    private static String coreName(Enum<?> value) {
        try {
            return (String) value.getClass().getMethod("coreName").invoke(value);
        } catch (ReflectiveOperationException failure) {
            throw new AssertionError(value.getDeclaringClass() + " has no coreName()", failure);
        }
    }
}
