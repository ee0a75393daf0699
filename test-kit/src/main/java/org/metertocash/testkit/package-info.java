/**
 * Real infrastructure without containers, written once for every test, the e2e suite and the local runner:
 * {@link org.metertocash.testkit.EmbeddedPostgresServer} (PostgreSQL binaries from Maven, run as a real server
 * process), {@link org.metertocash.testkit.KafkaBroker} (Apache Kafka's own KRaft broker, in process or as its own JVM), the Quarkus test
 * resource {@link org.metertocash.testkit.RealInfrastructure}, Kafka probes for assertions, and
 * {@link org.metertocash.testkit.PlatformProcesses}, which runs the five packaged services as processes.
 */
package org.metertocash.testkit;
