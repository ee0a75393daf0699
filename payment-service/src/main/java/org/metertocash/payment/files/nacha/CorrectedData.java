package org.metertocash.payment.files.nacha;

import org.metertocash.payment.bank.BankAccountNumber;

/**
 * The corrected data of a notification of change (addenda 98, positions 36–64), read as its change code places it:
 * C01 account (1–17); C02 routing number (1–9); C03 routing number (1–9) and account (13–29); C04 name (1–22);
 * C05 transaction code (1–2); C06 account (1–17) and transaction code (22–23); C07 routing number (1–9), account
 * (10–26) and transaction code (27–28); C09 individual identification (1–22). Fields the code does not correct are
 * {@code null}; {@code other} keeps the data of the codes not listed. The account number prints masked.
 */
public record CorrectedData(
        String routingNumber,
        BankAccountNumber accountNumber,
        String transactionCode,
        String individualName,
        String individualId,
        String other) {

    static CorrectedData parse(String changeCode, String data) {
        String padded = String.format("%-29s", data);
        return switch (changeCode) {
            case "C01" -> new CorrectedData(null, account(padded.substring(0, 17)), null, null, null, null);
            case "C02" -> new CorrectedData(text(padded.substring(0, 9)), null, null, null, null, null);
            case "C03" -> new CorrectedData(text(padded.substring(0, 9)), account(padded.substring(12, 29)), null,
                    null, null, null);
            case "C04" -> new CorrectedData(null, null, null, text(padded.substring(0, 22)), null, null);
            case "C05" -> new CorrectedData(null, null, text(padded.substring(0, 2)), null, null, null);
            case "C06" -> new CorrectedData(null, account(padded.substring(0, 17)), text(padded.substring(21, 23)),
                    null, null, null);
            case "C07" -> new CorrectedData(text(padded.substring(0, 9)), account(padded.substring(9, 26)),
                    text(padded.substring(26, 28)), null, null, null);
            case "C09" -> new CorrectedData(null, null, null, null, text(padded.substring(0, 22)), null);
            default -> new CorrectedData(null, null, null, null, null, text(padded));
        };
    }

    /** Why the corrected data cannot be used for its change code, or null when it can. */
    String problem(String changeCode) {
        return switch (changeCode) {
            case "C01", "C06" -> accountNumber == null ? "has no valid corrected account number" : null;
            case "C02" -> routingProblem();
            case "C03", "C07" -> routingProblem() != null ? routingProblem()
                    : accountNumber == null ? "has no valid corrected account number" : null;
            case "C04" -> individualName == null ? "has no corrected name" : null;
            case "C05" -> transactionCode == null ? "has no corrected transaction code" : null;
            case "C09" -> individualId == null ? "has no corrected individual identification" : null;
            default -> null;
        };
    }

    private String routingProblem() {
        return org.metertocash.payment.bank.RoutingNumber.problem(routingNumber)
                .map(reason -> "corrected routing number " + reason).orElse(null);
    }

    private static BankAccountNumber account(String raw) {
        return BankAccountNumber.problem(raw).isEmpty() ? BankAccountNumber.of(raw) : null;
    }

    private static String text(String raw) {
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }
}
