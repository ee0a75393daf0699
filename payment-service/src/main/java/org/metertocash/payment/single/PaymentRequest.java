package org.metertocash.payment.single;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.metertocash.payment.posting.Instrument;
import org.metertocash.payment.posting.PaymentChannel;

/**
 * The body of {@code POST /payments}: one payment as an upstream system (portal, IVR, pay agent) took it. Name the
 * account by its number, by the premise's ESI ID, or both (the account number wins when both name an account).
 */
@Schema(description = "A single payment")
public record PaymentRequest(
        @Schema(description = "Billing account number (10 digits, last one a check digit)", example = "0000000422")
        String accountNumber,
        @Schema(description = "ESI ID of the premise (17 or 22 digits starting with 10)", example = "10443720000012345")
        String esiId,
        @Schema(description = "Dollars, positive, at most 2 decimals", example = "125.40", required = true)
        BigDecimal amount,
        @Schema(description = "USD only", example = "USD", required = true)
        String currency,
        @Schema(required = true)
        PaymentChannel channel,
        @Schema(description = "The channel's own reference: card authorisation, check number, receipt", example = "AUTH-839201")
        String externalReference,
        @Schema(description = "When the payer paid, with its offset; at most a few minutes in the future", example = "2026-11-23T10:15:00-06:00", required = true)
        Instant receivedAt,
        @Schema(description = "The card or bank account, masked: its type and last 4 digits only. A full card number is refused.")
        Instrument instrument) {
}
