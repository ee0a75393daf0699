/**
 * The local runner: {@code ./mvnw -Prun} starts PostgreSQL, Kafka and the five services on their fixed ports,
 * runs a demonstration through the spine and waits for Ctrl-C.
 */
package org.metertocash.runner;
