package org.metertocash.dunning.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.cfg.AvailableSettings;
import org.jboss.logging.Logger;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds notices not sent within {@code dunning.notices.send-within} (24 hours by default) of being issued and raises
 * one NOTICE_NOT_SENT work item for each, once; the item closes by itself when the notice is sent. Runs every
 * {@code dunning.notices.not-sent-check-every} and on every print batch run; safe on several replicas at once (rows
 * another replica is reporting are skipped).
 */
@ApplicationScoped
public class NoticeDeadlines {

    private static final Logger LOG = Logger.getLogger(NoticeDeadlines.class);
    /** Hibernate's lock timeout meaning SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    @Inject
    NoticesConfig config;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    @Scheduled(identity = "notice-not-sent-check", every = "${dunning.notices.not-sent-check-every:10m}",
            delayed = "${dunning.notices.not-sent-check-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check();
    }

    /** Raises the work item of every notice now overdue and not yet reported; returns how many were raised. */
    public int check() {
        int raised = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Instant issuedBefore = now.minus(config.sendWithin());
            List<Notice> overdue = Notice.<Notice> find("sentAt is null and notSentReportedAt is null "
                    + "and issuedAt <= ?1 order by issuedAt", issuedBefore)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, SKIP_LOCKED).list();
            for (Notice notice : overdue) {
                notice.notSentReportedAt = now;
                String reason = notice.channel == NoticeChannel.PRINT
                        ? (notice.batchId == null ? "no print batch has taken it"
                                : "its print batch " + notice.batchId + " has not been written to the outbound folder")
                        : "it was not handed to the sender";
                workQueue.raise(Notices.NOTICE_NOT_SENT, notice.esiId, notice.id.toString(), "The "
                        + Notices.words(notice) + " " + notice.id + " of account " + notice.accountNumber
                        + " issued " + notice.issuedAt + " was not sent within " + config.sendWithin() + ": " + reason,
                        Notices.details(notice, reason));
            }
            return overdue.size();
        });
        if (raised > 0) {
            LOG.warnf("%d notice(s) not sent within %s", raised, config.sendWithin());
        }
        return raised;
    }
}
