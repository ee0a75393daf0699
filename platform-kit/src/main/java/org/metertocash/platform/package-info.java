/**
 * The platform kit: the plumbing every service shares, written once. A service adds this module and gets the
 * transactional outbox ({@code outbox}), the idempotent inbox and dead letters ({@code inbox},
 * {@code deadletter}), idempotency keys on REST calls ({@code idempotency}), problem+json errors
 * ({@code problem}), the operations status endpoint ({@code status}), the exceptions work queue
 * ({@code workqueue}), the role model ({@code security}) and the injected, test-adjustable clock ({@code time}).
 */
package org.metertocash.platform;
