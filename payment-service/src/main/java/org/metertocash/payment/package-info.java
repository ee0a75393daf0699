/**
 * payment-service: money from every channel, posted once. {@code accounts} keeps the projection of billing's
 * accounts that payments are matched to; {@code posting} holds the payment, its rules and the posting service every
 * channel uses (a payment that matches an account is announced as PaymentPosted through the outbox, one that matches
 * none waits in suspense); {@code single} is {@code POST /payments} and the payment look-ups (refused requests kept);
 * {@code suspense} is the unapplied-cash queue analysts apply or refund from; {@code reconciliation} totals a day's
 * payments by channel and source; {@code messaging} consumes billing's topic. Payment files, auto-draft and returns
 * grow here as packages of their own.
 */
package org.metertocash.payment;
