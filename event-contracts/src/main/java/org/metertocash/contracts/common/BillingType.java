package org.metertocash.contracts.common;

public enum BillingType {
    POSTPAY, PREPAY
}
