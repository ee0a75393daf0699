/**
 * Application advice (824) received: a partner telling us the content of one of our transactions was rejected or
 * accepted with errors. A rejection rejects our transaction, publishes {@code TransactionRejected} and raises a work
 * item. The X12 side is {@code org.metertocash.x12.ack.ApplicationAdvice}.
 */
package org.metertocash.edi.advice;
