package org.metertocash.payment.autopay;

import org.metertocash.payment.bank.BankAccountNumber;
import org.metertocash.payment.bank.RoutingNumber;
import org.metertocash.payment.files.nacha.AchAccountType;

/**
 * An auto-draft enrolment as {@code POST /autopay} takes it, checked: the billing account to draft bills for, the
 * bank account (routing number with its check digit, account number, checking or savings) and its holder, and how
 * many days before each due date to draft. The account number prints masked.
 *
 * @param daysBeforeDue null for the configured default
 */
public record MandateRequest(
        String accountNumber,
        RoutingNumber routingNumber,
        BankAccountNumber bankAccountNumber,
        AchAccountType accountType,
        String holderName,
        Integer daysBeforeDue) {
}
