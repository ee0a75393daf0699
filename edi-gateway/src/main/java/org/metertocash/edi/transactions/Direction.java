package org.metertocash.edi.transactions;

public enum Direction {
    INBOUND, OUTBOUND
}
