package org.metertocash.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link KafkaBroker} as its own process: {@code java -cp ... KafkaBrokerMain <port>}. Prints
 * {@code KAFKA_READY <bootstrap servers>} once it accepts connections and stops cleanly on SIGTERM/SIGINT.
 */
public final class KafkaBrokerMain {

    public static final String READY = "KAFKA_READY ";

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        KafkaBroker broker = KafkaBroker.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    private KafkaBrokerMain() {
    }
}
