/**
 * Acknowledgements and advice, in X12 terms: the 997 Functional Acknowledgment (syntax; built from what the
 * reader found with {@link org.metertocash.x12.ack.FunctionalAcknowledgementBuilder}, or read from a partner's with
 * {@link org.metertocash.x12.ack.FunctionalAcknowledgement#read}) and the 824 Application Advice (content; read and
 * written by {@link org.metertocash.x12.ack.ApplicationAdvice}). Their schemas are {@code x12/004010/997.xml} and
 * {@code 824.xml}.
 */
package org.metertocash.x12.ack;
