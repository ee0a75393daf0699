package org.metertocash.edi.serviceorder;

/**
 * SENT: our 650_01 is stored and queued for the wires utility. COMPLETED: its 650_02 says the work was done (on the
 * date it gives). REJECTED: its 650_02 refused the order (REF*7G) or could not carry it out (REF*G7). CANCEL_SENT:
 * collections withdrew the order after it went out, and a 650_01 cancel quoting it followed; an answer to the order
 * after that is logged against it and announces nothing ({@link ServiceOrderCancel}).
 */
public enum ServiceOrderStatus {
    SENT, COMPLETED, REJECTED, CANCEL_SENT
}
