package org.metertocash.platform.events;

/** A record that can never be processed as it is: retrying it is pointless, it goes straight to dead letters. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
