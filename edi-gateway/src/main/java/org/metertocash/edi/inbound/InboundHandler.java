package org.metertocash.edi.inbound;

import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.TransactionSet;

/**
 * Applies one transaction set type (ST01) the gateway receives: {@link InboundIntake} stores the file, checks the
 * syntax and logs each transaction, then hands every syntactically valid one to the handler for its ST01, inside
 * the interchange's database transaction. A handler leaves the logged transaction PROCESSED (publishing what it
 * means through the outbox and linking the event) or FAILED with a work item; it never throws for bad content.
 * One bean per ST01; each lives in the package of its business (enrollment, usage, invoice, ...).
 */
public interface InboundHandler {

    /** The ST01 this handler applies, e.g. {@code "867"}. */
    String transactionSet();

    /** Applies one valid inbound transaction set; {@code inbound} is its logged record (status ACCEPTED). */
    void apply(EdiTransaction inbound, TransactionSet set, Interchange interchange);
}
