/**
 * enrollment-service: takes enrollment requests from upstream systems ({@code intake}: validation and the market
 * rules at intake), follows each through its market lifecycle ({@code lifecycle}: the states, the one table of
 * allowed transitions, the recorded history), reacts to what the EDI gateway relays from the market
 * ({@code market}: answers, service start and end, the transactions of each enrollment), activates enrollments
 * whose start date has come ({@code activation}), lets operations correct and resubmit, cancel, move out
 * ({@code operations}), records third-party verifications ({@code tpv}), knows the premise rules: ESI ID format,
 * the TDSP behind each prefix, the market's date window, switch holds ({@code premise}), and raises the work
 * items operations work on {@code /exceptions} ({@code workqueue}).
 */
package org.metertocash.enrollment;
