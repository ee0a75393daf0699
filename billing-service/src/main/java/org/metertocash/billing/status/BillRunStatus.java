package org.metertocash.billing.status;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.metertocash.billing.bill.BillRunProgress;
import org.metertocash.platform.status.StatusContributor;

/**
 * The current (or else the last) bill run, for {@code GET /status} as {@code entities.billRun}: its date as
 * {@code yyyymmdd}, start and finish as epoch milliseconds ({@code finishedAt} absent and {@code running} 1 while it
 * runs), the reads found, bills drafted, posted and held, reads not billable and failed, elapsed milliseconds and
 * reads per second. Numbers only, as the status endpoint's entity counts are; {@code GET /bill-runs/{date}} shows the
 * same progress with dates and times. Empty before any run has found billable reads.
 */
@ApplicationScoped
public class BillRunStatus implements StatusContributor {

    @Override
    public Map<String, Map<String, Long>> entityCountsByState() {
        Map<String, Long> run = new LinkedHashMap<>();
        BillRunProgress.latest().ifPresent(p -> {
            run.put("date", (long) (p.runDate.getYear() * 10_000 + p.runDate.getMonthValue() * 100
                    + p.runDate.getDayOfMonth()));
            run.put("startedAt", p.startedAt.toEpochMilli());
            if (p.finishedAt != null) {
                run.put("finishedAt", p.finishedAt.toEpochMilli());
            }
            run.put("running", p.finishedAt == null ? 1L : 0L);
            run.put("readsFound", p.readsFound);
            run.put("drafted", p.drafted);
            run.put("posted", p.posted);
            run.put("held", p.held);
            run.put("notBillable", p.notBillable);
            run.put("failed", p.failed);
            run.put("elapsedMillis", p.elapsedMillis);
            run.put("ratePerSecond", Math.round(p.ratePerSecond()));
        });
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("billRun", run);
        return counts;
    }
}
