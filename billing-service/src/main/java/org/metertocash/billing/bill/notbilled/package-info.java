/**
 * The "not billed" queue (16 TAC §25.479: a bill within 30 days of receiving usage): accounts whose usage is not
 * becoming bills, or whose usage stopped arriving, as NOT_BILLED work items that close by themselves once resolved.
 */
package org.metertocash.billing.bill.notbilled;
