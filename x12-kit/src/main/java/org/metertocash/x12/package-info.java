/**
 * The X12 layer, on StAEDI: reading files into interchanges, groups and transaction sets with every syntax error
 * located and coded as a 997 would report it, and writing interchanges with correct envelopes and counts.
 * Delimiters are always read from the ISA segment. Transaction schemas live in {@code resources/x12/004010}.
 */
package org.metertocash.x12;
