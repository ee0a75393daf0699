/**
 * BAI2 cash-management reports of lockbox deposits: records 01 … 99 with 88 continuations, totals checked at account,
 * group and file level, lockbox deposits and their items read as check payments.
 */
package org.metertocash.payment.files.bai2;
