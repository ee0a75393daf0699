/**
 * Remittance advices (820): {@link org.metertocash.edi.remittance.Remittance820} reads one into its payment (BPR),
 * trace number (TRN), payer and payee (N1*PR, N1*PE) and lines (RMR, with the premise in REF*Q5), and
 * {@link org.metertocash.edi.remittance.Remittances} publishes it as RemittanceReceived when its lines add up to
 * the payment, or holds it as FAILED with a work item when they do not.
 */
package org.metertocash.edi.remittance;
