package org.metertocash.edi.serviceorder;

/**
 * SENT: our 650_01 is stored and queued for the wires utility. COMPLETED: its 650_02 says the work was done (on the
 * date it gives). REJECTED: its 650_02 refused the order (REF*7G) or could not carry it out (REF*G7).
 */
public enum ServiceOrderStatus {
    SENT, COMPLETED, REJECTED
}
