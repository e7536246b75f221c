package cn.mbasu;

import java.time.LocalDate;
import java.util.Objects;

/** Facts derived from a valid resident identity card number (GB 11643-1999 layout). */
public final class CertNoInfo {
    private final LocalDate birthDate;
    private final int age;
    private final Gender gender;
    private final String provinceCode;
    private final String provinceZh;
    private final String provinceEn;
    private final boolean outsideMainland;

    CertNoInfo(LocalDate birthDate, int age, Gender gender, String provinceCode, String provinceZh,
            String provinceEn, boolean outsideMainland) {
        this.birthDate = birthDate;
        this.age = age;
        this.gender = gender;
        this.provinceCode = provinceCode;
        this.provinceZh = provinceZh;
        this.provinceEn = provinceEn;
        this.outsideMainland = outsideMainland;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /** The age in whole years on the options' {@code today}, or on today's date in China (UTC+8). */
    public int getAge() {
        return age;
    }

    public Gender getGender() {
        return gender;
    }

    /** The first two digits, such as {@code 11} for Beijing. */
    public String getProvinceCode() {
        return provinceCode;
    }

    public String getProvinceZh() {
        return provinceZh;
    }

    public String getProvinceEn() {
        return provinceEn;
    }

    /** Whether the region code is outside the mainland (71 Taiwan, 81 Hong Kong, 82 Macao, 83 Taiwan residents). */
    public boolean isOutsideMainland() {
        return outsideMainland;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CertNoInfo)) {
            return false;
        }
        CertNoInfo that = (CertNoInfo) other;
        return birthDate.equals(that.birthDate) && age == that.age && gender == that.gender
                && provinceCode.equals(that.provinceCode) && outsideMainland == that.outsideMainland;
    }

    @Override
    public int hashCode() {
        return Objects.hash(birthDate, age, gender, provinceCode, outsideMainland);
    }

    /** Describes the facts without the birth date, which is personal data. */
    @Override
    public String toString() {
        return "CertNoInfo{province=" + provinceCode + " gender=" + gender.coreName() + "}";
    }
}
