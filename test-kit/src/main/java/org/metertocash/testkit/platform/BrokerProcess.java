package org.metertocash.testkit.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.metertocash.testkit.KafkaBroker;

import sun.misc.Signal;

/**
 * The Kafka broker as a child process of {@link PlatformProcesses}: {@code java -cp ... BrokerProcess <port>}. It
 * prints {@code KAFKA_READY <bootstrap servers>} once it accepts connections and stops cleanly on SIGTERM, and it
 * takes its orders from the platform only:
 * <ul>
 * <li>it ignores SIGINT: Ctrl-C in a terminal reaches the whole process group at once, and the broker must outlive
 * the services so that they can commit their offsets while they stop; the platform stops it right after them;</li>
 * <li>it guards against the platform's JVM being killed outright (SIGKILL, an IDE's hard stop): the platform
 * tells it, one {@code guard <pid>} line at a time on its standard input, which other processes it started; when
 * the parent process is gone, the broker stops those (SIGTERM, then kill), then itself — so no service, database
 * or broker is left holding the fixed local ports.</li>
 * </ul>
 */
public final class BrokerProcess {

    static final String GUARD = "guard ";
    static final String READY = "KAFKA_READY ";

    private static final List<Long> GUARDED = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Signal.handle(new Signal("INT"), signal -> {
        });
        KafkaBroker broker = KafkaBroker.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        Thread orders = new Thread(BrokerProcess::readGuardedPids, "platform-orders");
        orders.setDaemon(true);
        orders.start();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(BrokerProcess::orphaned));
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    private static void readGuardedPids() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(GUARD)) {
                    GUARDED.add(Long.parseLong(line.substring(GUARD.length()).trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("platform orders unreadable: " + e);
        }
    }

    private static void orphaned() {
        System.out.println("The platform's JVM is gone; stopping " + GUARDED + " and the broker");
        List<ProcessHandle> alive = GUARDED.stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
                .filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : alive) {
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notStopped) {
                process.destroyForcibly();
            }
        }
        System.exit(0);
    }

    private BrokerProcess() {
    }
}
