/**
 * The disconnect, reconnect and cancel orders collections asks edi-gateway to send (DisconnectRequested,
 * ReconnectRequested, DisconnectCancelRequested → 650_01) and the wires utility's answers (650_02 completion or
 * rejection, via ServiceOrderSent / Completed / Rejected). A rejected order can be released for another try from its
 * SERVICE_ORDER_REJECTED work item.
 */
package org.metertocash.dunning.serviceorders;
