package org.metertocash.edi.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes stored outbound files to the outbound folder (where the SFTP push picks them up). The database is the
 * source of truth: a file is written after the transaction that stored it commits, atomically (temporary file,
 * then rename), and marked DELIVERED; a sweep delivers whatever a crash left queued. Replicas share the work
 * with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class OutboundDelivery {

    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class);
    private static final Object REGISTERED = new Object();

    @Inject
    EntityManager em;

    @Inject
    EdiConfig config;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "edi-outbound-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Called inside the transaction that queued a file. */
    public void deliverAfterCommit() {
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    trigger();
                }
            }
        });
    }

    @Scheduled(every = "${edi.delivery-sweep:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        trigger();
    }

    private void trigger() {
        if (pending.compareAndSet(false, true)) {
            worker.submit(() -> {
                pending.set(false);
                try {
                    deliverQueued();
                } catch (RuntimeException e) {
                    LOG.warnf("Outbound delivery failed, the sweep retries: %s", e.toString());
                }
            });
        }
    }

    /** Delivers every queued outbound file; returns how many were written. */
    public int deliverQueued() {
        int delivered = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(this::deliverBatch);
            delivered += batch;
            if (batch == 0) {
                return delivered;
            }
        }
    }

    private int deliverBatch() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from edi_file where direction = 'OUTBOUND' and delivered_at is null
                order by created_at limit 50 for update skip locked""", UUID.class).getResultList();
        for (UUID id : ids) {
            EdiFile file = em.find(EdiFile.class, id);
            Path target = write(file);
            file.deliveredAt = clock.instant();
            file.deliveredPath = target.toString();
            file.status = EdiFile.Status.DELIVERED;
            EdiTransaction.update("status = ?1, updatedAt = ?2 where fileId = ?3 and status = ?4",
                    TransactionStatus.SENT, clock.instant(), file.id, TransactionStatus.QUEUED);
        }
        return ids.size();
    }

    private Path write(EdiFile file) {
        Path folder = config.folders().outbound();
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(file.fileName);
            Path temporary = folder.resolve("." + file.fileName + ".tmp");
            Files.write(temporary, file.content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.infof("Delivered %s (%d bytes) to %s", file.fileName, file.sizeBytes, folder);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file.fileName + " to " + folder, e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
