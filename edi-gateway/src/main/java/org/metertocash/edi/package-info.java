/**
 * edi-gateway: the platform's conversation with the market in ANSI X12. {@code files} keeps every file in or out
 * (inbound stored before parsing, outbound delivered to the outbound folder after commit), {@code transactions} is
 * the transaction log, {@code controlnumbers} allocates ISA13/GS06 per trading partner, {@code enrollment} turns
 * enrollment events into 814 requests and the market's 814 responses back into events, {@code inbound} takes
 * files in. The X12 syntax itself is in the x12-kit module.
 */
package org.metertocash.edi;
