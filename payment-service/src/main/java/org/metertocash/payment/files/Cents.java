package org.metertocash.payment.files;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts written as whole cents without a decimal point (NACHA, BAI2), converted exactly to money with two
 * decimals and back; nothing is rounded: an amount with a fraction of a cent is refused.
 */
public final class Cents {

    private Cents() {
    }

    /** {@code "0000012540"} → 125.40. Digits only; the caller checks the field before. */
    public static BigDecimal toAmount(String digits) {
        return new BigDecimal(new java.math.BigInteger(digits), 2);
    }

    /** 125.40 → 12540; {@link ArithmeticException} for a fraction of a cent. */
    public static long of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** Money as every file model carries it: scale 2, refusing (ArithmeticException) a fraction of a cent. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
