/**
 * dunning-service: each account's collection state and its history ({@code collections}), and the consumers of
 * the billing, payment and market topics ({@code messaging}). Notices, disconnect and reconnect orders,
 * moratoriums and payment plans grow here as packages of their own.
 */
package org.metertocash.dunning;
