/**
 * Payment files as our partners and our bank send them, built for tests, the e2e suite and benchmarks to the layouts
 * of docs/payment-files.md, with control records that add up unless a test asks them to declare something else:
 * {@link org.metertocash.testkit.payments.CsvPaymentFile} (our CSV layout for pay agents and lockbox partners),
 * {@link org.metertocash.testkit.payments.Bai2LockboxFile} (a bank's BAI2 lockbox report),
 * {@link org.metertocash.testkit.payments.NachaReturnFile} (the bank's NACHA returns and notifications of change of
 * our debits), and {@link org.metertocash.testkit.payments.NachaEntry}, an entry of a NACHA file read at its fixed
 * positions (to check the PPD debits we send and to return one of them).
 */
package org.metertocash.testkit.payments;
