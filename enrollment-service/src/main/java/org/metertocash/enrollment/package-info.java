/**
 * enrollment-service: takes enrollment requests from upstream systems ({@code intake}), follows each through
 * its market lifecycle ({@code lifecycle}), reacts to the market's answers relayed by the EDI gateway
 * ({@code market}), and knows the premise rules: ESI ID format and the TDSP behind each prefix ({@code premise}).
 */
package org.metertocash.enrollment;
