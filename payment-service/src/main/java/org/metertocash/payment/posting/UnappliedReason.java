package org.metertocash.payment.posting;

/** Why a payment matched no payable account and waits in suspense (work item {@code details.reasonCode}). */
public enum UnappliedReason {
    /** The payer named neither an account number nor an ESI ID. */
    NO_IDENTIFIER,
    /** Neither the account number nor the ESI ID names a payable account. */
    NO_ACCOUNT,
    /** No account number matched and the ESI ID has several accounts: the money cannot be placed safely. */
    SEVERAL_ACCOUNTS
}
