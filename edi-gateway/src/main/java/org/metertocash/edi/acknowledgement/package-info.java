/**
 * Functional acknowledgements (997), both ways: {@code AcknowledgementSender} owes one for every functional group
 * received (but a group of 997s) and sends it once the interchange is applied; {@code ReceivedAcknowledgements}
 * matches a partner's 997 to the group of ours it acknowledges and marks our transactions accepted or rejected.
 * The X12 side is {@code org.metertocash.x12.ack}; whether a 997 arrives in time is watched by {@code monitoring}.
 */
package org.metertocash.edi.acknowledgement;
