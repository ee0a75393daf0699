package org.metertocash.billing.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A bill line before rounding: {@code exactAmount} is carried unrounded so the EFL can add components exactly. */
record Charge(LineKind kind, String code, String description, BigDecimal quantity, RateUnit unit, BigDecimal rate,
        BigDecimal exactAmount) {

    BillLine toLine() {
        return new BillLine(kind, code, description, quantity, unit, rate, exactAmount.setScale(2, RoundingMode.HALF_UP));
    }
}
