package cn.mbasu;

import java.util.Objects;

/** One thing wrong with a field, with messages fit to show the person filling in the form. */
public final class Problem {
    private final Field field;
    private final Severity severity;
    private final int code;
    private final String name;
    private final String messageZh;
    private final String messageEn;

    Problem(Field field, Severity severity, int code, String name, String messageZh, String messageEn) {
        this.field = field;
        this.severity = severity;
        this.code = code;
        this.name = name;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public Field getField() {
        return field;
    }

    public Severity getSeverity() {
        return severity;
    }

    /** Whether the problem blocks the value. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The stable numeric code, such as 304 for a wrong ID number check character. */
    public int getCode() {
        return code;
    }

    /** The stable snake_case name of the code, such as {@code check_digit}; unique together with the field. */
    public String getName() {
        return name;
    }

    /** The code as an enum constant, or {@code null} if this binding version does not know it. */
    public ErrorCode getErrorCode() {
        return ErrorCode.fromCode(code);
    }

    public String getMessageZh() {
        return messageZh;
    }

    public String getMessageEn() {
        return messageEn;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Problem)) {
            return false;
        }
        Problem that = (Problem) other;
        return field == that.field && severity == that.severity && code == that.code
                && name.equals(that.name) && messageZh.equals(that.messageZh)
                && messageEn.equals(that.messageEn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, severity, code, name, messageZh, messageEn);
    }

    @Override
    public String toString() {
        return "Problem{" + field.coreName() + " " + severity.coreName() + " " + code + " " + name
                + ": " + messageEn + "}";
    }
}
