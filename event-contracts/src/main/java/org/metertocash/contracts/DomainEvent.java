package org.metertocash.contracts;

/** A domain event payload. The envelope (id, type, subject, time, correlation) travels as CloudEvents headers. */
public interface DomainEvent {
    /** The Kafka key and CloudEvents subject: the ESI ID, or the account number where there is no premise. */
    String subject();
}
