/**
 * Timeliness of the market's answers to us: {@code TimelinessMonitor} raises a work item and publishes
 * {@code AcknowledgementOverdue} once when a 997 (24 hours) or a business response (per set) is late.
 */
package org.metertocash.edi.monitoring;
