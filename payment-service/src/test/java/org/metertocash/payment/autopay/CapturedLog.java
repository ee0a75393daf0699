package org.metertocash.payment.autopay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Every message payment-service logs while it is open, as formatted, for tests that look at what a log reveals. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private static final String CATEGORY = "org.metertocash";

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(CATEGORY);

    public CapturedLog() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        messages.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
