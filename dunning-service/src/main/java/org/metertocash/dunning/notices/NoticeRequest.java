package org.metertocash.dunning.notices;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A notice collections decided to issue: to whom, of which kind, by which channel, for what amount (past due, or the
 * prepaid balance) and, for a disconnect notice, the disconnect date printed on it.
 */
public record NoticeRequest(String accountNumber, String esiId, NoticeKind kind, NoticeChannel channel,
        Recipient recipient, BigDecimal amount, LocalDate disconnectDate, LocalDate issuedOn) {
}
