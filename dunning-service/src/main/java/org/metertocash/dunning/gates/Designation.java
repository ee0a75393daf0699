package org.metertocash.dunning.gates;

/**
 * A designation of a premise's customer that changes what collections may do: critical care and chronic condition
 * (16 TAC §25.497: the wires utility must contact the customer before disconnecting; a pre-pay customer is moved to
 * postpaid, §25.498) and low income (no late fee, §25.480(c)).
 */
public enum Designation {
    CRITICAL_CARE, CHRONIC_CONDITION, LOW_INCOME
}
