package cn.mbasu;

import java.util.Objects;

/** One correction normalising mode made to a field. */
public final class Change {
    private final Field field;
    private final ChangeKind kind;
    private final String messageZh;
    private final String messageEn;

    Change(Field field, ChangeKind kind, String messageZh, String messageEn) {
        this.field = field;
        this.kind = kind;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public Field getField() {
        return field;
    }

    public ChangeKind getKind() {
        return kind;
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
        if (!(other instanceof Change)) {
            return false;
        }
        Change that = (Change) other;
        return field == that.field && kind == that.kind && messageZh.equals(that.messageZh)
                && messageEn.equals(that.messageEn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, kind, messageZh, messageEn);
    }

    @Override
    public String toString() {
        return "Change{" + field.coreName() + " " + kind.coreName() + "}";
    }
}
